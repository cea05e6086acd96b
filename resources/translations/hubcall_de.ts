<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>AppController</name>
        <message>
            <location filename="../../hubcall_desktop/ui/controller.py" line="+173" />
            <source>No system tray was found: HubCall Desktop runs as a normal window, and closing it quits.</source>
            <translation>Kein Infobereich (System-Tray) gefunden: HubCall Desktop läuft als normales Fenster, und Schließen beendet das Programm.</translation>
        </message>
        <message>
            <location line="+87" />
            <source>Calls are journaled, nothing pops up.</source>
            <translation>Anrufe werden aufgezeichnet, nichts öffnet sich.</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n call(s) waiting to be logged</source>
            <translation>
                <numerusform>%n Anruf wartet auf die Protokollierung</numerusform>
                <numerusform>%n Anrufe warten auf die Protokollierung</numerusform>
            </translation>
        </message>
        <message>
            <location line="+50" />
            <source>Quit HubCall Desktop</source>
            <translation>HubCall Desktop beenden</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n call(s) are still waiting to be logged. They stay queued and are sent the next time HubCall Desktop runs.</source>
            <translation>
                <numerusform>%n Anruf wartet noch auf die Protokollierung. Er bleibt in der Warteschlange und wird beim nächsten Start von HubCall Desktop gesendet.</numerusform>
                <numerusform>%n Anrufe warten noch auf die Protokollierung. Sie bleiben in der Warteschlange und werden beim nächsten Start von HubCall Desktop gesendet.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
    </context>
    <context>
        <name>CallDialog</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/call_dialog.py" line="+60" />
            <source>Number:</source>
            <translation>Nummer:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Started:</source>
            <translation>Beginn:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source:</source>
            <translation>Quelle:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duration:</source>
            <translation>Dauer:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>HubSpot:</source>
            <translation>HubSpot:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Call status</source>
            <translation>Anrufstatus</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Call title</source>
            <translation>Anruftitel</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Status:</source>
            <translation>&amp;Status:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Title:</source>
            <translation>&amp;Titel:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Notes:</source>
            <translation>&amp;Notizen:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Save</source>
            <translation>S&amp;peichern</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+42" />
            <source>&amp;Log call</source>
            <translation>&amp;Protokollieren</translation>
        </message>
        <message>
            <location line="-39" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Call %1</source>
            <translation>Anruf %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>not known</source>
            <translation>unbekannt</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&amp;Resend</source>
            <translation>&amp;Erneut senden</translation>
        </message>
    </context>
    <context>
        <name>CallNotices</name>
        <message>
            <location filename="../../hubcall_desktop/ui/call_notices.py" line="+50" />
            <source>Could not log a call</source>
            <translation>Anruf konnte nicht protokolliert werden</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Incoming call</source>
            <translation>Eingehender Anruf</translation>
        </message>
    </context>
    <context>
        <name>CallPopup</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/popup.py" line="+84" />
            <source>Incoming call</source>
            <translation>Eingehender Anruf</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Close the pop-up</source>
            <translation>Pop-up schließen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close (the call stays in the history)</source>
            <translation>Schließen (der Anruf bleibt im Verlauf)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Call duration</source>
            <translation>Anrufdauer</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Answer</source>
            <translation>&amp;Annehmen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Hang up</source>
            <translation>A&amp;uflegen</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Call status</source>
            <translation>Anrufstatus</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Call title</source>
            <translation>Anruftitel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Status:</source>
            <translation>&amp;Status:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Title:</source>
            <translation>&amp;Titel:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Notes:</source>
            <translation>&amp;Notizen:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What was the call about?</source>
            <translation>Worum ging es im Anruf?</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Discard</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep the call here, do not log it (Ctrl+D)</source>
            <translation>Anruf hier behalten, nicht protokollieren (Strg+D)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Log call</source>
            <translation>&amp;Protokollieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Log the call in HubSpot (Ctrl+Enter)</source>
            <translation>Anruf in HubSpot protokollieren (Strg+Eingabe)</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Caller number</source>
            <translation>Nummer des Anrufers</translation>
        </message>
        <message>
            <location line="+6" />
            <source>From an earlier call; asking HubSpot…</source>
            <translation>Von einem früheren Anruf; HubSpot wird gefragt …</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unknown caller: HubSpot has no contact or company with this number.</source>
            <translation>Unbekannter Anrufer: HubSpot kennt keinen Kontakt und kein Unternehmen mit dieser Nummer.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Asking HubSpot who is calling…</source>
            <translation>HubSpot wird gefragt, wer anruft …</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Could not ask HubSpot: %1</source>
            <translation>HubSpot konnte nicht gefragt werden: %1</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Incoming call · %1</source>
            <translation>Eingehender Anruf · %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call in progress · %1</source>
            <translation>Laufender Anruf · %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call ended · %1</source>
            <translation>Anruf beendet · %1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Talking %1</source>
            <translation>Im Gespräch %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Talked %1</source>
            <translation>Gesprächsdauer %1</translation>
        </message>
    </context>
    <context>
        <name>CallSource</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="+70" />
            <source>Softphone (webhook)</source>
            <translation>Softphone (Webhook)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command line</source>
            <translation>Befehlszeile</translation>
        </message>
        <message>
            <location line="+1" />
            <source>baresip</source>
            <translation>baresip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Logged by hand</source>
            <translation>Von Hand erfasst</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
    </context>
    <context>
        <name>CallStatus</name>
        <message>
            <location line="-35" />
            <source>Busy</source>
            <translation>Besetzt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calling CRM user</source>
            <translation>Ruft CRM-Benutzer an</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Canceled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connecting</source>
            <translation>Verbindet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On hold</source>
            <translation>Gehalten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In progress</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Missed</source>
            <translation>Verpasst</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No answer</source>
            <translation>Keine Antwort</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queued</source>
            <translation>In Warteschlange</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation>Klingelt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown</source>
            <translation>Unbekannt</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../../hubcall_desktop/ui/dialogs.py" line="+74" />
            <source>HubCall Desktop is still starting; try again in a moment.</source>
            <translation>HubCall Desktop startet noch; bitte gleich noch einmal versuchen.</translation>
        </message>
        <message>
            <location line="+161" />
            <source>Demo mode uses the sandbox's token; nothing is saved.</source>
            <translation>Der Demo-Modus nutzt das Token der Sandbox; es wird nichts gespeichert.</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+44" />
            <source>Asking HubSpot…</source>
            <translation>HubSpot wird gefragt …</translation>
        </message>
        <message>
            <location line="-17" />
            <source>Connected with a private app token.</source>
            <translation>Verbunden mit dem Token einer privaten App.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Connected with OAuth.</source>
            <translation>Verbunden über OAuth.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Using the token from HUBCALL_ACCESS_TOKEN.</source>
            <translation>Das Token aus HUBCALL_ACCESS_TOKEN wird verwendet.</translation>
        </message>
    </context>
    <context>
        <name>Direction</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="+14" />
            <source>Inbound</source>
            <translation>Eingehend</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outbound</source>
            <translation>Ausgehend</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <location filename="../../hubcall_desktop/ui/formatting.py" line="+21" />
            <source>Withheld number</source>
            <translation>Rufnummer unterdrückt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No number</source>
            <translation>Keine Nummer</translation>
        </message>
        <message>
            <location line="+18" />
            <source>%1 +%2</source>
            <translation>%1 +%2</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <location filename="../../hubcall_desktop/ui/models/history_model.py" line="+154" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Direction</source>
            <translation>Richtung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation>Nummer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>HubSpot</source>
            <translation>HubSpot</translation>
        </message>
        <message>
            <location line="+129" />
            <source>In progress</source>
            <translation>Läuft</translation>
        </message>
    </context>
    <context>
        <name>InputError</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="+29" />
            <source>enter a phone number</source>
            <translation>Telefonnummer eingeben</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the caller's number is withheld</source>
            <translation>die Nummer des Anrufers ist unterdrückt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>an internal extension, not a public phone number</source>
            <translation>eine interne Durchwahl, keine öffentliche Telefonnummer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not a phone number</source>
            <translation>keine Telefonnummer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>too short to be a phone number</source>
            <translation>zu kurz für eine Telefonnummer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>too long to be a phone number</source>
            <translation>zu lang für eine Telefonnummer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>too short after the international prefix</source>
            <translation>zu kurz nach der Auslandsvorwahl</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no country code and no default country</source>
            <translation>keine Ländervorwahl und kein Standardland</translation>
        </message>
        <message>
            <location line="+1" />
            <source>contains control characters</source>
            <translation>enthält Steuerzeichen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>must not be negative</source>
            <translation>darf nicht negativ sein</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is in the future</source>
            <translation>liegt in der Zukunft</translation>
        </message>
        <message>
            <location line="+1" />
            <source>user ids are whole numbers, separated by commas</source>
            <translation>Benutzer-IDs sind ganze Zahlen, durch Kommas getrennt</translation>
        </message>
        <message>
            <location line="+37" />
            <source>not a valid phone number (read as %1)</source>
            <translation>keine gültige Telefonnummer (gelesen als %1)</translation>
        </message>
    </context>
    <context>
        <name>LogCallForm</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/log_form.py" line="+70" />
            <source>Log a call</source>
            <translation>Anruf protokollieren</translation>
        </message>
        <message>
            <location line="+8" />
            <source>From number</source>
            <translation>Von-Nummer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>To number</source>
            <translation>An-Nummer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Extension</source>
            <translation>Durchwahl</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Final status</source>
            <translation>Endstatus</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Start date and time (local time)</source>
            <translation>Startdatum und -zeit (Ortszeit)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Duration in hours, minutes and seconds</source>
            <translation>Dauer in Stunden, Minuten und Sekunden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your HubSpot user id</source>
            <translation>Ihre HubSpot-Benutzer-ID</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Recipient user ids</source>
            <translation>Benutzer-IDs der Empfänger</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User ids, separated by commas</source>
            <translation>Benutzer-IDs, durch Kommas getrennt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create a call &amp;engagement in HubSpot</source>
            <translation>Anruf als &amp;Aktivität in HubSpot anlegen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;From:</source>
            <translation>&amp;Von:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;To:</source>
            <translation>A&amp;n:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;xtension:</source>
            <translation>D&amp;urchwahl:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Status:</source>
            <translation>&amp;Status:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>St&amp;arted (local time):</source>
            <translation>Be&amp;ginn (Ortszeit):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Duration (h:mm:ss):</source>
            <translation>Dau&amp;er (h:mm:ss):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>T&amp;itle:</source>
            <translation>T&amp;itel:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Notes:</source>
            <translation>N&amp;otizen:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;User id:</source>
            <translation>Be&amp;nutzer-ID:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Recipients:</source>
            <translation>Emp&amp;fänger:</translation>
        </message>
        <message>
            <location line="+39" />
            <source>&amp;New call</source>
            <translation>Neuer An&amp;ruf</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Log call</source>
            <translation>&amp;Protokollieren</translation>
        </message>
        <message>
            <location line="+130" />
            <source>Logging the call…</source>
            <translation>Anruf wird protokolliert …</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Logged in HubSpot. HubSpot matched:</source>
            <translation>In HubSpot protokolliert. HubSpot hat zugeordnet:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Logged in HubSpot. HubSpot has no contact or company with this number.</source>
            <translation>In HubSpot protokolliert. HubSpot kennt keinen Kontakt und kein Unternehmen mit dieser Nummer.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>HubSpot has not answered yet. The call is queued and will be logged automatically; see the history.</source>
            <translation>HubSpot hat noch nicht geantwortet. Der Anruf steht in der Warteschlange und wird automatisch protokolliert; siehe Verlauf.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>HubSpot refused the call.</source>
            <translation>HubSpot hat den Anruf abgelehnt.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>HubSpot refused the call; see the marked field.</source>
            <translation>HubSpot hat den Anruf abgelehnt; siehe das markierte Feld.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/main_window.py" line="+46" />
            <source>All calls</source>
            <translation>Alle Anrufe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not logged yet</source>
            <translation>Noch nicht protokolliert</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Logged</source>
            <translation>Protokolliert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kept here only</source>
            <translation>Nur hier behalten</translation>
        </message>
        <message>
            <location line="+30" />
            <source>HubCall Desktop</source>
            <translation>HubCall Desktop</translation>
        </message>
        <message>
            <location line="+95" />
            <source>Demo mode</source>
            <translation>Demo-Modus</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Calls go to a local HubSpot sandbox, not to HubSpot. Ring yourself:</source>
            <translation>Anrufe gehen an eine lokale HubSpot-Sandbox, nicht an HubSpot. Rufen Sie sich selbst an:</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+9" />
            <source>Simulate &amp;incoming call</source>
            <translation>&amp;Eingehenden Anruf simulieren</translation>
        </message>
        <message>
            <location line="-103" />
            <source>Call in progress</source>
            <translation>Laufender Anruf</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Go to &amp;pop-up</source>
            <translation>Zum &amp;Pop-up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ctrl+Shift+P</source>
            <translation>Strg+Umschalt+P</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Search numbers, names, notes (Ctrl+F)</source>
            <translation>Nummern, Namen, Notizen durchsuchen (Strg+F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search the call history</source>
            <translation>Anrufverlauf durchsuchen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Show calls</source>
            <translation>Anrufe anzeigen</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Call history</source>
            <translation>Anrufverlauf</translation>
        </message>
        <message>
            <location line="+81" />
            <source>&amp;Calls</source>
            <translation>&amp;Anrufe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Log a call…</source>
            <translation>Anruf &amp;protokollieren …</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Go to the call &amp;pop-up</source>
            <translation>Zum Anruf-P&amp;op-up</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Find in history</source>
            <translation>Im Verlauf &amp;suchen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Refresh history</source>
            <translation>Verlauf &amp;aktualisieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Close window</source>
            <translation>Fenster s&amp;chließen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Options</source>
            <translation>&amp;Optionen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Do not disturb</source>
            <translation>&amp;Nicht stören</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen …</translation>
        </message>
        <message>
            <location line="+18" />
            <source>No call in progress.</source>
            <translation>Kein laufender Anruf.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>talking</source>
            <translation>im Gespräch</translation>
        </message>
        <message>
            <location line="+0" />
            <source>ringing</source>
            <translation>klingelt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Token: not checked yet</source>
            <translation>Token: noch nicht geprüft</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Token OK</source>
            <translation>Token in Ordnung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No token</source>
            <translation>Kein Token</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Token refused</source>
            <translation>Token abgelehnt</translation>
        </message>
        <message>
            <location line="+4" />
            <source>HubSpot: not contacted yet</source>
            <translation>HubSpot: noch nicht kontaktiert</translation>
        </message>
        <message>
            <location line="+2" />
            <source>HubSpot reachable</source>
            <translation>HubSpot erreichbar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>HubSpot unreachable</source>
            <translation>HubSpot nicht erreichbar</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n pending</source>
            <translation>
                <numerusform>%n ausstehend</numerusform>
                <numerusform>%n ausstehend</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Listening: %1</source>
            <translation>Empfang: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No call source listening</source>
            <translation>Keine Anrufquelle aktiv</translation>
        </message>
        <message numerus="yes">
            <location line="+24" />
            <source>%n call(s)</source>
            <translation>
                <numerusform>%n Anruf</numerusform>
                <numerusform>%n Anrufe</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MatchList</name>
        <message>
            <location filename="../../hubcall_desktop/ui/widgets/match_list.py" line="+81" />
            <source>Open in HubSpot</source>
            <translation>In HubSpot öffnen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open %1 in HubSpot</source>
            <translation>%1 in HubSpot öffnen</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Contact</source>
            <translation>Kontakt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Company</source>
            <translation>Unternehmen</translation>
        </message>
    </context>
    <context>
        <name>PhoneField</name>
        <message>
            <location filename="../../hubcall_desktop/ui/widgets/phone_field.py" line="+31" />
            <source>Number check</source>
            <translation>Nummernprüfung</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Any format: +49 30 1234567, (212) 555-0143, 0049…</source>
            <translation>Jedes Format: +49 30 1234567, 030 1234567, 0049 …</translation>
        </message>
    </context>
    <context>
        <name>PhoneNumberType</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="-65" />
            <source>fixed line</source>
            <translation>Festnetz</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fixed line or mobile</source>
            <translation>Festnetz oder Mobil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>mobile</source>
            <translation>Mobil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>pager</source>
            <translation>Pager</translation>
        </message>
        <message>
            <location line="+1" />
            <source>personal number</source>
            <translation>persönliche Nummer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>premium rate</source>
            <translation>Premiumdienst</translation>
        </message>
        <message>
            <location line="+1" />
            <source>shared cost</source>
            <translation>geteilte Kosten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>toll free</source>
            <translation>gebührenfrei</translation>
        </message>
        <message>
            <location line="+1" />
            <source>universal access number</source>
            <translation>einheitliche Zugangsnummer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown type</source>
            <translation>unbekannter Typ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>voicemail</source>
            <translation>Mailbox</translation>
        </message>
        <message>
            <location line="+1" />
            <source>VoIP</source>
            <translation>VoIP</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/settings_dialog.py" line="+60" />
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;HubSpot</source>
            <translation>&amp;HubSpot</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Calls</source>
            <translation>&amp;Anrufe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Notifications</source>
            <translation>&amp;Benachrichtigungen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;General</source>
            <translation>A&amp;llgemein</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Private app access token</source>
            <translation>Zugriffstoken der privaten App</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paste a private app token (pat-…)</source>
            <translation>Token einer privaten App einfügen (pat-…)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Test connection</source>
            <translation>&amp;Verbindung testen</translation>
        </message>
        <message>
            <location line="-2" />
            <source>&amp;Save token</source>
            <translation>Token &amp;speichern</translation>
        </message>
        <message>
            <location line="-25" />
            <source>&amp;Softphone</source>
            <translation>Soft&amp;phone</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Access to&amp;ken:</source>
            <translation>Zugriffs&amp;token:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Portal id</source>
            <translation>Portal-ID</translation>
        </message>
        <message>
            <location line="+2" />
            <source>HubSpot domain</source>
            <translation>HubSpot-Domain</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Portal id:</source>
            <translation>Portal-ID:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>HubSpot domain:</source>
            <translation>HubSpot-Domain:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Advanced</source>
            <translation>Erweitert</translation>
        </message>
        <message>
            <location line="+3" />
            <source>API base URL</source>
            <translation>API-Basis-URL</translation>
        </message>
        <message>
            <location line="+2" />
            <source>API path version</source>
            <translation>API-Pfadversion</translation>
        </message>
        <message>
            <location line="+3" />
            <source>API &amp;base URL:</source>
            <translation>API-&amp;Basis-URL:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>API path &amp;version:</source>
            <translation>API-Pfad&amp;version:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changes here take effect after HubCall Desktop restarts.</source>
            <translation>Änderungen hier wirken nach einem Neustart von HubCall Desktop.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Default country for phone numbers</source>
            <translation>Standardland für Telefonnummern</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your own phone number</source>
            <translation>Ihre eigene Telefonnummer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your HubSpot user id</source>
            <translation>Ihre HubSpot-Benutzer-ID</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Default recipient user ids</source>
            <translation>Standard-Benutzer-IDs der Empfänger</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User ids, separated by commas</source>
            <translation>Benutzer-IDs, durch Kommas getrennt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Log untouched calls automatically after seconds</source>
            <translation>Unbearbeitete Anrufe nach Sekunden automatisch protokollieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Never</source>
            <translation>Nie</translation>
        </message>
        <message>
            <location line="+1" />
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Default &amp;country:</source>
            <translation>Standard&amp;land:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your &amp;number:</source>
            <translation>Ihre &amp;Nummer:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your HubSpot &amp;user id:</source>
            <translation>Ihre HubSpot-&amp;Benutzer-ID:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Default &amp;recipients:</source>
            <translation>Standard-&amp;Empfänger:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Log untouched calls after:</source>
            <translation>Unbearbeitete Anrufe &amp;protokollieren nach:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show a &amp;pop-up when a call rings</source>
            <translation>&amp;Pop-up zeigen, wenn ein Anruf klingelt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play a &amp;sound with notifications</source>
            <translation>&amp;Ton bei Benachrichtigungen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Do not disturb (no pop-ups or notifications; calls are still journaled)</source>
            <translation>&amp;Nicht stören (keine Pop-ups oder Benachrichtigungen; Anrufe werden weiter aufgezeichnet)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Start &amp;minimised to the tray</source>
            <translation>&amp;Minimiert im Infobereich starten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start at &amp;login</source>
            <translation>Bei der &amp;Anmeldung starten</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Starting at login is not supported on this system yet. Add HubCall Desktop to your system's login items by hand.</source>
            <translation>Der Start bei der Anmeldung wird auf diesem System noch nicht unterstützt. Fügen Sie HubCall Desktop von Hand zu den Anmeldeobjekten Ihres Systems hinzu.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <location line="+1" />
            <source>System default</source>
            <translation>Systemstandard</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A new language shows after HubCall Desktop restarts.</source>
            <translation>Eine neue Sprache erscheint nach einem Neustart von HubCall Desktop.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>not known yet</source>
            <translation>noch unbekannt</translation>
        </message>
        <message>
            <location line="+59" />
            <source>Connected to portal %1 (%2).</source>
            <translation>Verbunden mit Portal %1 (%2).</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Paste the token first.</source>
            <translation>Bitte zuerst das Token einfügen.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Token saved in the system keyring.</source>
            <translation>Token im Schlüsselbund des Systems gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>SoftphonePage</name>
        <message>
            <location filename="../../hubcall_desktop/ui/widgets/softphone_page.py" line="+30" />
            <source>&amp;Listen for softphone events on this computer (webhook)</source>
            <translation>Softphone-Ereignisse auf diesem Computer &amp;empfangen (Webhook)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Webhook port</source>
            <translation>Webhook-Port</translation>
        </message>
        <message>
            <location line="+2" />
            <source>baresip control addresses</source>
            <translation>Steueradressen von baresip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 127.0.0.1:4444, separated by commas</source>
            <translation>z. B. 127.0.0.1:4444, durch Kommas getrennt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Webhook &amp;port:</source>
            <translation>Webhook-&amp;Port:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;baresip:</source>
            <translation>&amp;baresip:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Connect your softphone</source>
            <translation>Softphone verbinden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Changes here take effect after HubCall Desktop restarts.</source>
            <translation>Änderungen hier wirken nach einem Neustart von HubCall Desktop.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>The webhook is not running, so there is nothing to copy yet.</source>
            <translation>Der Webhook läuft nicht, daher gibt es noch nichts zu kopieren.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy %1</source>
            <translation>%1 kopieren</translation>
        </message>
    </context>
    <context>
        <name>SyncState</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="-34" />
            <source>Not logged</source>
            <translation>Nicht protokolliert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sending</source>
            <translation>Wird gesendet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Logged</source>
            <translation>Protokolliert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withheld, kept here</source>
            <translation>Unterdrückt, nur hier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discarded</source>
            <translation>Verworfen</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <location filename="../../hubcall_desktop/ui/tray.py" line="+95" />
            <source>Ready</source>
            <translation>Bereit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation>Klingelt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not connected to HubSpot</source>
            <translation>Nicht mit HubSpot verbunden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Do not disturb</source>
            <translation>Nicht stören</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Show window</source>
            <translation>&amp;Fenster zeigen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Go to the call &amp;pop-up</source>
            <translation>Zum Anruf-&amp;Pop-up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Log a call…</source>
            <translation>Anruf p&amp;rotokollieren …</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Simulate &amp;incoming call</source>
            <translation>&amp;Eingehenden Anruf simulieren</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Do not disturb</source>
            <translation>&amp;Nicht stören</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Recent calls</source>
            <translation>Letzte Anrufe</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No calls yet</source>
            <translation>Noch keine Anrufe</translation>
        </message>
        <message>
            <location line="+3" />
            <source>S&amp;ettings…</source>
            <translation>Einstellun&amp;gen …</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
    </context>
</TS>
