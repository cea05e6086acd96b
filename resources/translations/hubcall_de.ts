<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppActions</name>
    <message>
        <location filename="../../hubcall_desktop/ui/desktop/app_actions.py" line="+24"/>
        <source>&amp;Log a call…</source>
        <translation>Anruf &amp;protokollieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the call &amp;pop-up</source>
        <translation>Zum Anruf-P&amp;op-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>&amp;Missed calls…</source>
        <translation>&amp;Verpasste Anrufe …</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Nicht stören</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;window</source>
        <translation>&amp;Fenster zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reconnect to HubSpot…</source>
        <translation>Erneut mit &amp;HubSpot verbinden …</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>&amp;Missed calls (%n)…</source>
        <translation>
            <numerusform>&amp;Verpasste Anrufe (%n) …</numerusform>
            <numerusform>&amp;Verpasste Anrufe (%n) …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/controller.py" line="+211"/>
        <source>No system tray was found: HubCall Desktop runs as a normal window, and closing it quits.</source>
        <translation>Kein Infobereich (System-Tray) gefunden: HubCall Desktop läuft als normales Fenster, und Schließen beendet das Programm.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>HubSpot needs you to connect again</source>
        <translation>Bitte wieder mit HubSpot verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calls are kept and logged once you connect again. Open the settings and choose Connect with OAuth.</source>
        <translation>Anrufe bleiben erhalten und werden protokolliert, sobald Sie wieder verbunden sind. Öffnen Sie die Einstellungen und wählen Sie „Mit OAuth verbinden“.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>HubSpot needs you to connect again; %n call(s) queued</source>
        <translation>
            <numerusform>Bitte wieder mit HubSpot verbinden; %n Anruf in der Warteschlange</numerusform>
            <numerusform>Bitte wieder mit HubSpot verbinden; %n Anrufe in der Warteschlange</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calls are journaled, nothing pops up.</source>
        <translation>Anrufe werden aufgezeichnet, nichts öffnet sich.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n call(s) waiting to be logged</source>
        <translation>
            <numerusform>%n Anruf wartet auf die Protokollierung</numerusform>
            <numerusform>%n Anrufe warten auf die Protokollierung</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Quit HubCall Desktop</source>
        <translation>HubCall Desktop beenden</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n call(s) are still waiting to be logged. They stay queued and are sent the next time HubCall Desktop runs.</source>
        <translation>
            <numerusform>%n Anruf wartet noch auf die Protokollierung. Er bleibt in der Warteschlange und wird beim nächsten Start von HubCall Desktop gesendet.</numerusform>
            <numerusform>%n Anrufe warten noch auf die Protokollierung. Sie bleiben in der Warteschlange und werden beim nächsten Start von HubCall Desktop gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>Boot</name>
    <message>
        <location filename="../../hubcall_desktop/ui/startup/boot.py" line="+151"/>
        <source>Port %1 is taken, so the demo&apos;s webhook listens on %2 instead.</source>
        <translation>Port %1 ist belegt, daher lauscht der Webhook der Demo stattdessen auf %2.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>HubSpot connection lacks a scope</source>
        <translation>Der HubSpot-Verbindung fehlt ein Scope</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/call_dialog.py" line="+60"/>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Number:</source>
        <translation>Nummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot:</source>
        <translation>HubSpot:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Create c&amp;ontact…</source>
        <translation>&amp;Kontakt anlegen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call status</source>
        <translation>Anrufstatus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call title</source>
        <translation>Anruftitel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utcome:</source>
        <translation>Er&amp;gebnis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <source>&amp;Log call</source>
        <translation>&amp;Protokollieren</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter the number that was called to log the call</source>
        <translation>Geben Sie die angerufene Nummer ein, um den Anruf zu protokollieren</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Call with %1 · %2</source>
        <translation>Anruf mit %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call %1</source>
        <translation>Anruf %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the number that was called below, or your own number in Settings (Calls): the call is sent then.</source>
        <translation>Geben Sie unten die angerufene Nummer ein oder Ihre eigene Nummer in den Einstellungen (Anrufe): Dann wird der Anruf gesendet.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Resend</source>
        <translation>&amp;Erneut senden</translation>
    </message>
</context>
<context>
    <name>CallNotices</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/call_notices.py" line="+80"/>
        <source>Could not log a call</source>
        <translation>Anruf konnte nicht protokolliert werden</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
</context>
<context>
    <name>CallOutcome</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/outcome_combo.py" line="+32"/>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../../hubcall_desktop/ui/models/history_columns.py" line="+47"/>
        <location filename="../../hubcall_desktop/ui/widgets/outcome_combo.py" line="+1"/>
        <source>Left live message</source>
        <translation>Live-Nachricht hinterlassen</translation>
    </message>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/outcome_combo.py" line="+1"/>
        <source>Left voicemail</source>
        <translation>Voicemail hinterlassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong number</source>
        <translation>Falsche Nummer</translation>
    </message>
</context>
<context>
    <name>CallPopup</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/popup.py" line="+95"/>
        <location line="+249"/>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>Close the pop-up</source>
        <translation>Pop-up schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (the call stays in the history)</source>
        <translation>Schließen (der Anruf bleibt im Verlauf)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Create c&amp;ontact…</source>
        <translation>&amp;Kontakt anlegen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Call duration</source>
        <translation>Anrufdauer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Answer</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hang up</source>
        <translation>A&amp;uflegen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Call status</source>
        <translation>Anrufstatus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call title</source>
        <translation>Anruftitel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utcome:</source>
        <translation>Er&amp;gebnis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was the call about?</source>
        <translation>Worum ging es im Anruf?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the call here, do not log it (Ctrl+D)</source>
        <translation>Anruf hier behalten, nicht protokollieren (Strg+D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log call</source>
        <translation>&amp;Protokollieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log the call in HubSpot (Ctrl+Enter)</source>
        <translation>Anruf in HubSpot protokollieren (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Caller number</source>
        <translation>Nummer des Anrufers</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From an earlier call; asking HubSpot…</source>
        <translation>Von einem früheren Anruf; HubSpot wird gefragt …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown caller: HubSpot has no contact or company with this number.</source>
        <translation>Unbekannter Anrufer: HubSpot kennt keinen Kontakt und kein Unternehmen mit dieser Nummer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Asking HubSpot who is calling…</source>
        <translation>HubSpot wird gefragt, wer anruft …</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not ask HubSpot: %1</source>
        <translation>HubSpot konnte nicht gefragt werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From an earlier call. %1</source>
        <translation>Von einem früheren Anruf. %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>HubCall Desktop stopped during this call, so how it ended is not known. Check the status, then log or discard it.</source>
        <translation>HubCall Desktop wurde während dieses Anrufs beendet, daher ist nicht bekannt, wie er endete. Prüfen Sie den Status und protokollieren oder verwerfen Sie ihn dann.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Incoming call · %1</source>
        <translation>Eingehender Anruf · %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call in progress · %1</source>
        <translation>Laufender Anruf · %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call ended · %1</source>
        <translation>Anruf beendet · %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call cut off · %1</source>
        <translation>Anruf unterbrochen · %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call cut off</source>
        <translation>Anruf unterbrochen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Talking %1</source>
        <translation>Im Gespräch %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Talked %1</source>
        <translation>Gesprächsdauer %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CallSource</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/i18n.py" line="+70"/>
        <source>Softphone (webhook)</source>
        <translation>Softphone (Webhook)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>baresip</source>
        <translation>baresip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged by hand</source>
        <translation>Von Hand erfasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
</context>
<context>
    <name>CallStatus</name>
    <message>
        <location line="-36"/>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling CRM user</source>
        <translation>Ruft CRM-Benutzer an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting</source>
        <translation>Verbindet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hold</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ringing</source>
        <translation>Klingelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>CalledNumberField</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/called_number.py" line="+33"/>
        <source>Number that was &amp;called (your line):</source>
        <translation>Angerufene Nummer (Ihre &amp;Leitung):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number that was called</source>
        <translation>Angerufene Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed to log the call in HubSpot</source>
        <translation>Nötig, um den Anruf in HubSpot zu protokollieren</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/contact_form.py" line="+49"/>
        <source>Create contact</source>
        <translation>Kontakt anlegen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HubSpot does not know this caller. Create a contact for them:</source>
        <translation>HubSpot kennt diesen Anrufer nicht. Legen Sie einen Kontakt an:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;ast name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ompany:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the &amp;existing contact</source>
        <translation>&amp;Bestehenden Kontakt öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not an e-mail address (name@example.com)</source>
        <translation>Keine E-Mail-Adresse (name@example.com)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a name or an e-mail address.</source>
        <translation>Geben Sie einen Namen oder eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Creating the contact in HubSpot…</source>
        <translation>Der Kontakt wird in HubSpot angelegt…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>HubSpot already has a contact with this e-mail address.</source>
        <translation>In HubSpot gibt es bereits einen Kontakt mit dieser E-Mail-Adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot already has a contact with these details.</source>
        <translation>HubSpot hat bereits einen Kontakt mit diesen Angaben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved. HubCall Desktop creates the contact as soon as HubSpot can be reached.</source>
        <translation>Gespeichert. HubCall Desktop legt den Kontakt an, sobald HubSpot erreichbar ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The contact was not created. %1</source>
        <translation>Der Kontakt wurde nicht angelegt. %1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/secondary_windows.py" line="+66"/>
        <source>HubCall Desktop is still starting; try again in a moment.</source>
        <translation>HubCall Desktop startet noch; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/settings.py" line="+256"/>
        <source>Sign-in cancelled; nothing was changed.</source>
        <translation>Anmeldung abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The sign-in failed unexpectedly; the details are in the log in %1 (Help → Open log folder in the main window).</source>
        <translation>Die Anmeldung ist unerwartet fehlgeschlagen; Einzelheiten stehen im Protokoll in %1 (Hilfe → Protokollordner öffnen im Hauptfenster).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Log out of HubSpot</source>
        <translation>Von HubSpot abmelden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log out of portal %1? HubCall Desktop asks HubSpot to forget the connection and deletes its secrets from the keyring. Calls stay queued until you connect again.</source>
        <translation>Von Portal %1 abmelden? HubCall Desktop bittet HubSpot, die Verbindung zu vergessen, und löscht ihre Geheimnisse aus dem Schlüsselbund. Anrufe bleiben in der Warteschlange, bis Sie wieder verbunden sind.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Log out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Demo mode uses the sandbox&apos;s token; nothing is saved.</source>
        <translation>Der Demo-Modus nutzt das Token der Sandbox; es wird nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+17"/>
        <source>Asking HubSpot…</source>
        <translation>HubSpot wird gefragt …</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/i18n.py" line="+15"/>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/formatting.py" line="+21"/>
        <source>Withheld number</source>
        <translation>Rufnummer unterdrückt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No number</source>
        <translation>Keine Nummer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 +%2</source>
        <translation>%1 +%2</translation>
    </message>
</context>
<context>
    <name>HistoryActions</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/history_actions.py" line="+78"/>
        <source>The call is queued for HubSpot again.</source>
        <translation>Der Anruf wartet wieder auf HubSpot.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Calling %1…</source>
        <translation>%1 wird angerufen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calling %1 back did not start: check Call back in Settings.</source>
        <translation>Der Rückruf an %1 ist nicht gestartet: Zurückrufen in den Einstellungen prüfen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sending the queued calls now…</source>
        <translation>Die wartenden Anrufe werden jetzt gesendet…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Call discarded</source>
        <translation>Anruf verworfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 will not be logged. Click to undo.</source>
        <translation>%1 wird nicht protokolliert. Zum Rückgängigmachen klicken.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Discard undone: %1 is back to wrap up.</source>
        <translation>Verwerfen rückgängig gemacht: %1 ist wieder nachzubereiten.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not logged yet: the call with %1 waits under &quot;To wrap up&quot;.</source>
        <translation>Noch nicht protokolliert: Der Anruf mit %1 wartet unter „Nachzubereiten“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrap-up put aside</source>
        <translation>Nachbereitung zurückgestellt</translation>
    </message>
</context>
<context>
    <name>HistoryMenu</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/history_menu.py" line="+69"/>
        <location line="+95"/>
        <source>Call actions</source>
        <translation>Aktionen für den Anruf</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Open in &amp;HubSpot</source>
        <translation>In &amp;HubSpot öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Call back</source>
        <translation>&amp;Zurückrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;opy number</source>
        <translation>Nummer k&amp;opieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send now</source>
        <translation>Jetzt &amp;senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resend</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit notes before sending…</source>
        <translation>Notizen vor dem Senden &amp;bearbeiten…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Undo discard</source>
        <translation>Verwerfen rückgängig machen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Z</source>
        <translation>Strg+Z</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Call discarded: %1</source>
        <translation>Anruf verworfen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call discarded.</source>
        <translation>Anruf verworfen.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied %1 (%2) to the clipboard.</source>
        <translation>%1 (%2) in die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../hubcall_desktop/ui/models/history_columns.py" line="-13"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <location filename="../../hubcall_desktop/ui/models/history_model.py" line="+357"/>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
</context>
<context>
    <name>HubSpotPage</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/hubspot_page.py" line="+101"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each HubSpot account you connect has a name here. Type a new name and press Enter to add one.</source>
        <translation>Jedes verbundene HubSpot-Konto hat hier einen Namen. Geben Sie einen neuen Namen ein und drücken Sie die Eingabetaste, um eines hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Portal:</source>
        <translation>&amp;Portal:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect with OA&amp;uth…</source>
        <translation>Mit OA&amp;uth verbinden …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel sign-&amp;in</source>
        <translation>Anmeldung a&amp;bbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Private app access token</source>
        <translation>Zugriffstoken der privaten App</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste a private app token (pat-…)</source>
        <translation>Token einer privaten App einfügen (pat-…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save token</source>
        <translation>Token &amp;speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Private app to&amp;ken:</source>
        <translation>To&amp;ken der privaten App:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Portal id</source>
        <translation>Portal-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot domain</source>
        <translation>HubSpot-Domain</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Portal id:</source>
        <translation>Portal-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot domain:</source>
        <translation>HubSpot-Domain:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OAuth client id</source>
        <translation>OAuth-Client-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your HubSpot app&apos;s client id</source>
        <translation>Die Client-ID Ihrer HubSpot-App</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OAuth client secret</source>
        <translation>OAuth-Client-Secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional; kept only in the system keyring</source>
        <translation>Optional; nur im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the legacy OAuth endpoints (v&amp;1)</source>
        <translation>Die alten OAuth-Endpunkte verwenden (v&amp;1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth client i&amp;d:</source>
        <translation>OAuth-Client-I&amp;D:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client s&amp;ecret:</source>
        <translation>Client-S&amp;ecret:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API base URL</source>
        <translation>API-Basis-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API path version</source>
        <translation>API-Pfadversion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API &amp;base URL:</source>
        <translation>API-&amp;Basis-URL:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API path &amp;version:</source>
        <translation>API-Pfad&amp;version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API changes take effect after HubCall Desktop restarts.</source>
        <translation>API-Änderungen wirken nach einem Neustart von HubCall Desktop.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign-in port</source>
        <translation>Anmeldeport</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redirect URL to register</source>
        <translation>Einzutragende Weiterleitungs-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the redirect URL</source>
        <translation>Weiterleitungs-URL kopieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add this redirect URL to your HubSpot app (Auth, Redirect URLs) exactly as shown; HubSpot refuses a sign-in whose URL differs. Change the port only if another program uses it, then register the new URL.</source>
        <translation>Tragen Sie diese Weiterleitungs-URL genau so in Ihrer HubSpot-App ein (Auth, Redirect URLs); HubSpot lehnt eine Anmeldung mit abweichender URL ab. Ändern Sie den Port nur, wenn ein anderes Programm ihn belegt, und tragen Sie dann die neue URL ein.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign-in &amp;port:</source>
        <translation>Anmelde&amp;port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect URL:</source>
        <translation>Weiterleitungs-URL:</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>In use now, set by demo mode, --api-base or HUBCALL_API_BASE. Started without them, HubCall Desktop uses %1.</source>
        <translation>Jetzt in Gebrauch, festgelegt durch den Demo-Modus, --api-base oder HUBCALL_API_BASE. Ohne diese verwendet HubCall Desktop %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Demo mode uses the sandbox&apos;s token: connecting and logging out are off.</source>
        <translation>Der Demo-Modus nutzt das Token der Sandbox: Verbinden und Abmelden sind abgeschaltet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to the demo sandbox.</source>
        <translation>Mit der Demo-Sandbox verbunden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected with OAuth as %1 (portal %2), scopes: %3. The access token is renewed automatically.</source>
        <translation>Über OAuth verbunden als %1 (Portal %2), Scopes: %3. Das Zugriffstoken wird automatisch erneuert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connected with a private app token.</source>
        <translation>Verbunden mit dem Token einer privaten App.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Using the token from HUBCALL_ACCESS_TOKEN.</source>
        <translation>Das Token aus HUBCALL_ACCESS_TOKEN wird verwendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reconnect needed: %1</source>
        <translation>Neue Verbindung nötig: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No keyring: %1</source>
        <translation>Kein Schlüsselbund: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Waiting for you to sign in in the browser…</source>
        <translation>Warten auf Ihre Anmeldung im Browser …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No web browser could be opened. Open this address in your browser to sign in:
%1</source>
        <translation>Es ließ sich kein Webbrowser öffnen. Öffnen Sie diese Adresse in Ihrem Browser, um sich anzumelden:
%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Signed in as %1 to portal %2.</source>
        <translation>Angemeldet als %1 bei Portal %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Logged out: the secrets of portal %1 were deleted from the keyring.</source>
        <translation>Abgemeldet: Die Geheimnisse von Portal %1 wurden aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Token saved in the system keyring.</source>
        <translation>Token im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not known yet</source>
        <translation>noch unbekannt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected to portal %1 (%2).</source>
        <translation>Verbunden mit Portal %1 (%2).</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Paste the token first.</source>
        <translation>Bitte zuerst das Token einfügen.</translation>
    </message>
</context>
<context>
    <name>HubSpotStep</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/setup_guide.py" line="+75"/>
        <source>Connect HubSpot</source>
        <translation>HubSpot verbinden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in with OAuth in your browser, or paste a private app token (in HubSpot: Settings → Integrations → Private apps). Tokens are kept in the system keyring, never in a file.</source>
        <translation>Melden Sie sich per OAuth im Browser an oder fügen Sie das Token einer privaten App ein (in HubSpot: Einstellungen → Integrationen → Private Apps). Tokens liegen im Schlüsselbund des Systems, nie in einer Datei.</translation>
    </message>
</context>
<context>
    <name>InputError</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/messages.py" line="+328"/>
        <source>enter a phone number</source>
        <translation>Telefonnummer eingeben</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>the caller&apos;s number is withheld</source>
        <translation>die Nummer des Anrufers ist unterdrückt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an internal extension, not a public phone number</source>
        <translation>eine interne Durchwahl, keine öffentliche Telefonnummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a phone number</source>
        <translation>keine Telefonnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too short to be a phone number</source>
        <translation>zu kurz für eine Telefonnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too long to be a phone number</source>
        <translation>zu lang für eine Telefonnummer</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>too short after the international prefix</source>
        <translation>zu kurz nach der Auslandsvorwahl</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>no country code and no default country</source>
        <translation>keine Ländervorwahl und kein Standardland</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>contains control characters</source>
        <translation>enthält Steuerzeichen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is in the future</source>
        <translation>liegt in der Zukunft</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>user ids are whole numbers, separated by commas</source>
        <translation>Benutzer-IDs sind ganze Zahlen, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>not a valid phone number (read as %1)</source>
        <translation>keine gültige Telefonnummer (gelesen als %1)</translation>
    </message>
</context>
<context>
    <name>LogCallForm</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/log_form.py" line="+77"/>
        <source>Log a call</source>
        <translation>Anruf protokollieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>From number</source>
        <translation>Von-Nummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To number</source>
        <translation>An-Nummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extension</source>
        <translation>Durchwahl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Final status</source>
        <translation>Endstatus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start date and time (local time)</source>
        <translation>Startdatum und -zeit (Ortszeit)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duration in hours, minutes and seconds</source>
        <translation>Dauer in Stunden, Minuten und Sekunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your HubSpot user id</source>
        <translation>Ihre HubSpot-Benutzer-ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recipient user ids</source>
        <translation>Benutzer-IDs der Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User ids, separated by commas</source>
        <translation>Benutzer-IDs, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a call &amp;engagement in HubSpot</source>
        <translation>Anruf als &amp;Aktivität in HubSpot anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>A&amp;n:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xtension:</source>
        <translation>D&amp;urchwahl:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outc&amp;ome:</source>
        <translation>Erge&amp;bnis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>St&amp;arted (local time):</source>
        <translation>Be&amp;ginn (Ortszeit):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duration (h:mm:ss):</source>
        <translation>Dau&amp;er (h:mm:ss):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;itle:</source>
        <translation>T&amp;itel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User id:</source>
        <translation>Be&amp;nutzer-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recipients:</source>
        <translation>Emp&amp;fänger:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;New call</source>
        <translation>Neuer An&amp;ruf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log call</source>
        <translation>&amp;Protokollieren</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Logging the call…</source>
        <translation>Anruf wird protokolliert …</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Logged in HubSpot; the form is ready for the next call. HubSpot matched:</source>
        <translation>In HubSpot protokolliert; das Formular ist bereit für den nächsten Anruf. HubSpot hat zugeordnet:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Logged in HubSpot; the form is ready for the next call. HubSpot has no contact or company with this number.</source>
        <translation>In HubSpot protokolliert; das Formular ist bereit für den nächsten Anruf. HubSpot kennt keinen Kontakt und kein Unternehmen mit dieser Nummer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The call is queued and will be logged once that is fixed; the form is ready for the next call.</source>
        <translation>Der Anruf steht in der Warteschlange und wird protokolliert, sobald das behoben ist; das Formular ist bereit für den nächsten Anruf.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HubSpot has not answered yet. The call is queued and will be logged automatically (see the history); the form is ready for the next call.</source>
        <translation>HubSpot hat noch nicht geantwortet. Der Anruf steht in der Warteschlange und wird automatisch protokolliert (siehe Verlauf); das Formular ist bereit für den nächsten Anruf.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>HubSpot refused the call.</source>
        <translation>HubSpot hat den Anruf abgelehnt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HubSpot refused the call; see the marked field.</source>
        <translation>HubSpot hat den Anruf abgelehnt; siehe das markierte Feld.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/main_window.py" line="+62"/>
        <source>All calls</source>
        <translation>Alle Anrufe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not logged yet</source>
        <translation>Noch nicht protokolliert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logged</source>
        <translation>Protokolliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept here only</source>
        <translation>Nur hier behalten</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>HubCall Desktop</source>
        <translation>HubCall Desktop</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Demo mode</source>
        <translation>Demo-Modus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calls go to a local HubSpot sandbox, not to HubSpot. Ring yourself:</source>
        <translation>Anrufe gehen an eine lokale HubSpot-Sandbox, nicht an HubSpot. Rufen Sie sich selbst an:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>Simulate &amp;incoming call</source>
        <translation>&amp;Eingehenden Anruf simulieren</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Call in progress</source>
        <translation>Laufender Anruf</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>To wrap up</source>
        <translation>Nachzubereiten</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Go to &amp;pop-up</source>
        <translation>Zum &amp;Pop-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+P</source>
        <translation>Strg+Umschalt+P</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search numbers, names, notes (Ctrl+F)</source>
        <translation>Nummern, Namen, Notizen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the call history</source>
        <translation>Anrufverlauf durchsuchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show calls</source>
        <translation>Anrufe anzeigen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Call history</source>
        <translation>Anrufverlauf</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Neu verbinden …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to HubSpot again in the settings</source>
        <translation>In den Einstellungen erneut mit HubSpot verbinden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set &amp;up…</source>
        <translation>&amp;Einrichten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect HubSpot with the set-up guide</source>
        <translation>HubSpot mit dem Einrichtungsassistenten verbinden</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>&amp;Calls</source>
        <translation>&amp;Anrufe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find in history</source>
        <translation>Im Verlauf &amp;suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh history</source>
        <translation>Verlauf &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Send queued calls now</source>
        <translation>Wartende Anrufe jetzt &amp;senden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close window</source>
        <translation>Fenster s&amp;chließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Options</source>
        <translation>&amp;Optionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set-up &amp;guide…</source>
        <translation>Einrichtungs&amp;assistent…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No file manager could be opened. The log folder is %1</source>
        <translation>Es konnte kein Dateimanager geöffnet werden. Der Protokollordner ist %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No call in progress.</source>
        <translation>Kein laufender Anruf.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>talking</source>
        <translation>im Gespräch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ringing</source>
        <translation>klingelt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Token: not checked yet</source>
        <translation>Token: noch nicht geprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token OK</source>
        <translation>Token in Ordnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No token</source>
        <translation>Kein Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token refused</source>
        <translation>Token abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnect needed</source>
        <translation>Neue Verbindung nötig</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HubSpot: not contacted yet</source>
        <translation>HubSpot: noch nicht kontaktiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot reachable</source>
        <translation>HubSpot erreichbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot unreachable</source>
        <translation>HubSpot nicht erreichbar</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listening: %1</source>
        <translation>Empfang: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No call source listening</source>
        <translation>Keine Anrufquelle aktiv</translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
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
        <location filename="../../hubcall_desktop/ui/widgets/match_list.py" line="+89"/>
        <source>Open in HubSpot</source>
        <translation>In HubSpot öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open %1 in HubSpot</source>
        <translation>%1 in HubSpot öffnen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/messages.py" line="-151"/>
        <source>%1 (HubSpot said: %2; correlation id %3)</source>
        <extracomment>%1 is a sentence of this list, %2 HubSpot&apos;s own message, %3 its correlation id</extracomment>
        <translation>%1 (HubSpot meldete: %2; Korrelations-ID %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (HubSpot said: %2)</source>
        <extracomment>%1 is a sentence of this list, %2 HubSpot&apos;s own message</extracomment>
        <translation>%1 (HubSpot meldete: %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (correlation id %2)</source>
        <extracomment>%1 is a sentence of this list, %2 HubSpot&apos;s correlation id</extracomment>
        <translation>%1 (Korrelations-ID %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HubSpot access token expired; the app fetches a new one for the next request. Reconnect to HubSpot in Settings if this message stays.</source>
        <translation>Das HubSpot-Zugriffstoken ist abgelaufen; die App holt für die nächste Anfrage ein neues. Verbinden Sie sich in den Einstellungen erneut mit HubSpot, wenn diese Meldung bleibt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HubSpot access token was not accepted. Reconnect to HubSpot in Settings.</source>
        <translation>Das HubSpot-Zugriffstoken wurde nicht akzeptiert. Verbinden Sie sich in den Einstellungen erneut mit HubSpot.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The HubSpot access token was not accepted. Reconnect to HubSpot in Settings; a private-app token works only with API versions %1.</source>
        <extracomment>%1 lists the API versions that take private-app tokens, e.g. &quot;2025-09, 2026-09&quot;</extracomment>
        <translation>Das HubSpot-Zugriffstoken wurde nicht akzeptiert. Verbinden Sie sich in den Einstellungen erneut mit HubSpot; ein Token einer privaten App funktioniert nur mit den API-Versionen %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The HubSpot app lacks a permission: add the scope %1 and reconnect.</source>
        <extracomment>%1 is a list of HubSpot scope names</extracomment>
        <translation>Der HubSpot-App fehlt eine Berechtigung: Fügen Sie den Bereich (Scope) %1 hinzu und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The HubSpot app lacks a permission: add one of the scopes %1 and reconnect.</source>
        <extracomment>%1 is a list of HubSpot scope names, any one of which will do</extracomment>
        <translation>Der HubSpot-App fehlt eine Berechtigung: Fügen Sie einen der Bereiche (Scopes) %1 hinzu und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot refused access: API version %1 accepts OAuth connections only. Connect with OAuth in Settings, or choose API version %2 to use a private-app token.</source>
        <extracomment>%1 is the API version in use (v3, 2026-03), %2 one that also takes private-app tokens</extracomment>
        <translation>HubSpot hat den Zugriff verweigert: API-Version %1 akzeptiert nur OAuth-Verbindungen. Verbinden Sie sich in den Einstellungen per OAuth, oder wählen Sie API-Version %2, um ein Token einer privaten App zu verwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot refused access. The app needs one of these scopes: %1.</source>
        <extracomment>%1 is a list of HubSpot scope names</extracomment>
        <translation>HubSpot hat den Zugriff verweigert. Die App braucht einen dieser Bereiche (Scopes): %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot&apos;s daily API limit is used up; calls stay queued until it resets.</source>
        <translation>Das tägliche API-Limit von HubSpot ist ausgeschöpft; Anrufe bleiben in der Warteschlange, bis es zurückgesetzt wird.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot is rate limiting requests; the app will send again shortly.</source>
        <translation>HubSpot drosselt gerade die Anfragen; die App sendet in Kürze erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot had a server error (%1); the app will try again.</source>
        <extracomment>%1 is the HTTP status code</extracomment>
        <translation>Bei HubSpot ist ein Serverfehler aufgetreten (%1); die App versucht es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot rejected the call: check %1.</source>
        <extracomment>%1 is a list of HubSpot&apos;s request field names</extracomment>
        <translation>HubSpot hat den Anruf abgelehnt: Prüfen Sie %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot rejected the request (%1).</source>
        <extracomment>%1 is the HTTP status code</extracomment>
        <translation>HubSpot hat die Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HubSpot did not answer in time (%1).</source>
        <extracomment>%1 names the network error, e.g. ReadTimeout</extracomment>
        <translation>HubSpot hat nicht rechtzeitig geantwortet (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not reach HubSpot (%1).</source>
        <extracomment>%1 names the network error, e.g. ConnectError</extracomment>
        <translation>HubSpot ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot&apos;s account details lacked the portal id or domain.</source>
        <translation>In den Kontodaten von HubSpot fehlten die Portal-ID oder die Domain.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot answered with something that is not JSON.</source>
        <translation>HubSpot hat mit etwas geantwortet, das kein JSON ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot&apos;s answer did not list caller matches.</source>
        <translation>Die Antwort von HubSpot enthielt keine Zuordnungen für den Anrufer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot&apos;s answer could not be read (%1).</source>
        <extracomment>%1 says why, e.g. &quot;larger than 1024 KiB&quot;</extracomment>
        <translation>Die Antwort von HubSpot konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>HubSpot is slow: no answer within %1 seconds.</source>
        <translation>HubSpot ist langsam: keine Antwort innerhalb von %1 Sekunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot is slow: no answer within %1 seconds. The call stays queued and is sent later.</source>
        <translation>HubSpot ist langsam: keine Antwort innerhalb von %1 Sekunden. Der Anruf bleibt in der Warteschlange und wird später gesendet.</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>No secure keyring is available to keep the HubSpot token (%1). Install and start a keyring service (GNOME Keyring, KWallet or KeePassXC with its Secret Service enabled on Linux; the system keychain on macOS and Windows) and try again, or set HUBCALL_ACCESS_TOKEN for this session.</source>
        <extracomment>%1 says why (a sentence of this list or the keyring library&apos;s words)</extracomment>
        <translation>Es ist kein sicherer Schlüsselbund verfügbar, der das HubSpot-Token aufbewahren kann (%1). Installieren und starten Sie einen Schlüsselbunddienst (unter Linux GNOME Keyring, KWallet oder KeePassXC mit aktiviertem Secret Service; unter macOS und Windows den Schlüsselbund des Systems) und versuchen Sie es erneut, oder setzen Sie HUBCALL_ACCESS_TOKEN für diese Sitzung.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the keyring library found no usable backend</source>
        <translation>die Schlüsselbund-Bibliothek hat kein nutzbares Backend gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 keeps secrets in a file, which is refused</source>
        <extracomment>%1 is the name of a keyring backend</extracomment>
        <translation>%1 speichert Geheimnisse in einer Datei und wird deshalb abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not usable here: %2</source>
        <extracomment>%1 is the name of a keyring backend, %2 the error it gave</extracomment>
        <translation>%1 ist hier nicht nutzbar: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not recommended by the keyring library</source>
        <extracomment>%1 is the name of a keyring backend</extracomment>
        <translation>%1 wird von der Schlüsselbund-Bibliothek nicht empfohlen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the keyring library could not load it: %1</source>
        <extracomment>%1 is the error the keyring library gave</extracomment>
        <translation>die Schlüsselbund-Bibliothek konnte es nicht laden: %1</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The system keyring is locked or could not be opened (%1). Unlock it (log in to your desktop session, or open your password manager and unlock the login keyring), then try again.</source>
        <extracomment>%1 is the error the keyring gave</extracomment>
        <translation>Der Schlüsselbund des Systems ist gesperrt oder ließ sich nicht öffnen (%1). Entsperren Sie ihn (melden Sie sich an Ihrer Desktop-Sitzung an, oder öffnen Sie Ihre Passwortverwaltung und entsperren Sie den Anmelde-Schlüsselbund) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keyring could not %1 (%2). Check that your keyring service is running and unlocked, then try again.</source>
        <extracomment>%1 is an action of the MessageAction list, %2 the error the keyring gave</extracomment>
        <translation>Beim %1 meldete der Schlüsselbund des Systems einen Fehler (%2). Prüfen Sie, ob Ihr Schlüsselbunddienst läuft und entsperrt ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the keyring refused to delete it</source>
        <translation>der Schlüsselbund hat das Löschen verweigert</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>The system keyring did not %1 within %2 seconds. It may be waiting for you to unlock it: look for an unlock window, then try again.</source>
        <extracomment>%1 is an action of the MessageAction list, %2 a number of seconds</extracomment>
        <translation>Der Schlüsselbund des Systems hat beim %1 nicht innerhalb von %2 Sekunden geantwortet. Vielleicht wartet er darauf, dass Sie ihn entsperren: Suchen Sie nach einem Fenster zum Entsperren und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No HubSpot access token is saved for portal %1. Save your private app&apos;s access token in the settings (or with the command line), or set HUBCALL_ACCESS_TOKEN.</source>
        <extracomment>%1 is the portal&apos;s key in quotes, e.g. &apos;default&apos;</extracomment>
        <translation>Für das Portal %1 ist kein HubSpot-Zugriffstoken gespeichert. Speichern Sie das Zugriffstoken Ihrer privaten App in den Einstellungen (oder über die Befehlszeile), oder setzen Sie HUBCALL_ACCESS_TOKEN.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot needs you to connect again for portal %1 (%2). Open the settings and press Connect (or run `hubcall-desktop auth login`); calls are kept in the outbox and sent once you are connected.</source>
        <extracomment>%1 is the portal&apos;s key in quotes, %2 says why (a sentence of this list)</extracomment>
        <translation>HubSpot verlangt, dass Sie das Portal %1 erneut verbinden (%2). Öffnen Sie die Einstellungen und klicken Sie auf „Verbinden“ (oder führen Sie `hubcall-desktop auth login` aus); Anrufe bleiben in der Warteschlange und werden gesendet, sobald Sie verbunden sind.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot no longer accepts the connection</source>
        <translation>HubSpot akzeptiert die Verbindung nicht mehr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no refresh token is saved</source>
        <translation>es ist kein Refresh-Token gespeichert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not reach HubSpot to %1; check the network and try again.</source>
        <extracomment>%1 is an action of the MessageAction list</extracomment>
        <translation>HubSpot war zum %1 nicht erreichbar; prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>HubSpot refused: %1</source>
        <extracomment>%1 is HubSpot&apos;s own message</extracomment>
        <translation>HubSpot hat abgelehnt: %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>HubSpot&apos;s token details were not a JSON object.</source>
        <translation>Die Token-Details von HubSpot waren kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>HubSpot&apos;s token answer had no access token.</source>
        <translation>Die Token-Antwort von HubSpot enthielt kein Zugriffstoken.</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>HubSpot sent no refresh token</source>
        <translation>HubSpot hat kein Refresh-Token gesendet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No OAuth client id is configured. Enter your HubSpot app&apos;s client id in the settings (or pass --client-id), or connect with a private-app token instead.</source>
        <translation>Es ist keine OAuth-Client-ID eingerichtet. Geben Sie die Client-ID Ihrer HubSpot-App in den Einstellungen ein (oder übergeben Sie --client-id), oder verbinden Sie sich stattdessen mit dem Token einer privaten App.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The answer from the browser did not match this sign-in (wrong state), so it was refused. Start the connection again from the app.</source>
        <translation>Die Antwort aus dem Browser passte nicht zu dieser Anmeldung (falscher State) und wurde deshalb abgelehnt. Starten Sie die Verbindung erneut aus der App.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>No web browser could be opened. Open this address yourself to connect: %1</source>
        <extracomment>%1 is a web address</extracomment>
        <translation>Es ließ sich kein Webbrowser öffnen. Öffnen Sie diese Adresse selbst, um die Verbindung herzustellen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HubSpot did not grant access (%1).</source>
        <extracomment>%1 is HubSpot&apos;s error code</extracomment>
        <translation>HubSpot hat keinen Zugriff gewährt (%1).</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Port %1, where the browser returns after signing in to HubSpot, is used by another program. Close that program, or choose another sign-in port in the settings (HubSpot, Advanced) and add its redirect URL to your HubSpot app.</source>
        <extracomment>%1 is a port number</extracomment>
        <translation>Port %1, zu dem der Browser nach der Anmeldung bei HubSpot zurückkehrt, wird von einem anderen Programm belegt. Schließen Sie dieses Programm oder wählen Sie in den Einstellungen (HubSpot, Erweitert) einen anderen Anmeldeport und tragen Sie dessen Weiterleitungs-URL in Ihrer HubSpot-App ein.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The sign-in cannot listen on %1 port %2: %3</source>
        <extracomment>%1 is a loopback address, %2 a port number, %3 the system&apos;s reason</extracomment>
        <translation>Die Anmeldung kann auf %1 Port %2 nicht empfangen: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This HubSpot connection cannot identify callers or log calls: add the scope %1 (or one of %2) to the app in HubSpot, then connect again.</source>
        <extracomment>%1 and %2 are HubSpot scope names</extracomment>
        <translation>Diese HubSpot-Verbindung kann weder Anrufer erkennen noch Anrufe protokollieren: Fügen Sie der App in HubSpot den Bereich (Scope) %1 (oder einen von %2) hinzu und verbinden Sie sich dann erneut.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Not connected to HubSpot.</source>
        <translation>Nicht mit HubSpot verbunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot needs you to connect again; calls are queued until you do.</source>
        <translation>HubSpot verlangt eine neue Verbindung; Anrufe bleiben in der Warteschlange, bis Sie sich erneut verbinden.</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Portal %1 is not connected with OAuth.</source>
        <extracomment>%1 is the portal&apos;s key in quotes</extracomment>
        <translation>Das Portal %1 ist nicht über OAuth verbunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot could not be told to forget the connection: %1</source>
        <extracomment>A warning after logging out; %1 says why (a sentence of this list)</extracomment>
        <translation>HubSpot konnte nicht mitgeteilt werden, die Verbindung zu vergessen: %1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>This call belongs to HubSpot portal %1, which is not connected now; connect it again to send the call. It stays queued until then.</source>
        <extracomment>%1 is the portal&apos;s key in quotes</extracomment>
        <translation>Dieser Anruf gehört zum HubSpot-Portal %1, das gerade nicht verbunden ist; verbinden Sie es erneut, um den Anruf zu senden. Bis dahin bleibt er in der Warteschlange.</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>The call journal %1 is in use by another program and stayed locked for %2 s. Close any other copy of HubCall Desktop (or the program holding the file) and try again.</source>
        <extracomment>%1 is a file path, %2 a number of seconds</extracomment>
        <translation>Das Anrufjournal %1 wird von einem anderen Programm verwendet und blieb %2 s lang gesperrt. Schließen Sie jede andere Instanz von HubCall Desktop (oder das Programm, das die Datei geöffnet hat) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 cannot be opened. Check that its folder exists and that you may read and write there.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Das Anrufjournal %1 lässt sich nicht öffnen. Prüfen Sie, ob sein Ordner existiert und ob Sie dort lesen und schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The call journal %1 cannot be checked (%2). Check that its folder is still there and readable.</source>
        <extracomment>%1 is a file path, %2 the system&apos;s error</extracomment>
        <translation>Das Anrufjournal %1 lässt sich nicht prüfen (%2). Prüfen Sie, ob sein Ordner noch vorhanden und lesbar ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 was deleted while HubCall Desktop was running and cannot be written back (%2). Quit HubCall Desktop and check that its folder can be written.</source>
        <extracomment>%1 is a file path, %2 the system&apos;s error</extracomment>
        <translation>Das Anrufjournal %1 wurde gelöscht, während HubCall Desktop lief, und lässt sich nicht zurückschreiben (%2). Beenden Sie HubCall Desktop und prüfen Sie, ob in seinen Ordner geschrieben werden kann.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The disk holding the call journal %1 is full, so the last change was not saved. Free some space and try again.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Der Datenträger mit dem Anrufjournal %1 ist voll, daher wurde die letzte Änderung nicht gespeichert. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 is read-only. Allow writing to the file and its folder, then try again.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Das Anrufjournal %1 ist schreibgeschützt. Erlauben Sie das Schreiben in die Datei und ihren Ordner und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 could not be read or written (disk error %2). Check the disk and try again.</source>
        <extracomment>%1 is a file path, %2 SQLite&apos;s error name</extracomment>
        <translation>Das Anrufjournal %1 konnte nicht gelesen oder geschrieben werden (Datenträgerfehler %2). Prüfen Sie den Datenträger und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 is damaged or is not a HubCall Desktop journal (%2). It was left untouched: move it elsewhere (or restore a backup) and start HubCall Desktop again to begin a new journal.</source>
        <extracomment>%1 is a file path, %2 SQLite&apos;s error</extracomment>
        <translation>Das Anrufjournal %1 ist beschädigt oder kein Journal von HubCall Desktop (%2). Es wurde nicht verändert: Verschieben Sie es an einen anderen Ort (oder stellen Sie eine Sicherung wieder her) und starten Sie HubCall Desktop erneut, um ein neues Journal zu beginnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 cannot be created: a file or folder is in the way. Move it elsewhere or choose another data folder.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Das Anrufjournal %1 lässt sich nicht anlegen: Eine Datei oder ein Ordner ist im Weg. Verschieben Sie diese an einen anderen Ort oder wählen Sie einen anderen Datenordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 cannot be created (%2). Check that its folder exists and that you may write there.</source>
        <extracomment>%1 is a file path, %2 the system&apos;s error</extracomment>
        <translation>Das Anrufjournal %1 lässt sich nicht anlegen (%2). Prüfen Sie, ob sein Ordner existiert und ob Sie dort schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 is not a HubCall Desktop call journal (it holds another program&apos;s data). It was left untouched: move it elsewhere or choose another data folder.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Die Datei %1 ist kein Anrufjournal von HubCall Desktop (sie enthält Daten eines anderen Programms). Sie wurde nicht verändert: Verschieben Sie sie an einen anderen Ort oder wählen Sie einen anderen Datenordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 was written by a newer version of HubCall Desktop (journal version %2; this version knows up to %3). It was left untouched: update HubCall Desktop, or start this version with another data folder.</source>
        <extracomment>%1 is a file path, %2 and %3 are version numbers</extracomment>
        <translation>Das Anrufjournal %1 wurde von einer neueren Version von HubCall Desktop geschrieben (Journalversion %2; diese Version kennt höchstens %3). Es wurde nicht verändert: Aktualisieren Sie HubCall Desktop, oder starten Sie diese Version mit einem anderen Datenordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 holds a call it cannot read (%2). The file was changed by another program.</source>
        <extracomment>%1 is a file path, %2 the call&apos;s id and what is wrong with it</extracomment>
        <translation>Das Anrufjournal %1 enthält einen Anruf, der sich nicht lesen lässt (%2). Die Datei wurde von einem anderen Programm geändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This call is already logged in HubSpot; a call is logged once only.</source>
        <translation>Dieser Anruf ist bereits in HubSpot protokolliert; ein Anruf wird nur einmal protokolliert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This call is already waiting to be logged in HubSpot.</source>
        <translation>Dieser Anruf wartet bereits darauf, in HubSpot protokolliert zu werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubCall Desktop (or another &apos;hubcall-desktop sync&apos;) is sending the outbox right now; it sends what is queued.</source>
        <translation>HubCall Desktop (oder ein anderes „hubcall-desktop sync“) sendet gerade die Warteschlange; es sendet, was wartet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This call cannot be logged in HubSpot: %1.</source>
        <extracomment>%1 says why (a sentence of this list)</extracomment>
        <translation>Dieser Anruf kann nicht in HubSpot protokolliert werden: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the number is withheld</source>
        <translation>die Nummer ist unterdrückt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a phone number is missing</source>
        <translation>eine Telefonnummer fehlt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No answer from the browser within %1 seconds. If HubSpot said the redirect URL is not allowed, add %2 to the HubSpot app&apos;s redirect URLs exactly as written. Then start the connection again and finish it in the browser window that opens.</source>
        <extracomment>%1 is a number of seconds, %2 the redirect URL to register (http://localhost:PORT/oauth-callback)</extracomment>
        <translation>Keine Antwort vom Browser innerhalb von %1 Sekunden. Wenn HubSpot meldete, die Weiterleitungs-URL sei nicht erlaubt, tragen Sie %2 genau so bei den Weiterleitungs-URLs der HubSpot-App ein. Starten Sie die Verbindung dann erneut und schließen Sie sie im sich öffnenden Browserfenster ab.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the keyring helper process ended (exit code %1)</source>
        <extracomment>%1 is a process exit code, or &quot;none&quot;</extracomment>
        <translation>der Hilfsprozess für den Schlüsselbund wurde beendet (Exit-Code %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keyring helper&apos;s answer cannot be read</source>
        <translation>die Antwort des Hilfsprozesses für den Schlüsselbund ist nicht lesbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the keyring helper process could not start: %1</source>
        <extracomment>%1 is the error&apos;s name, e.g. FileNotFoundError</extracomment>
        <translation>der Hilfsprozess für den Schlüsselbund konnte nicht starten: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keyring helper was asked something it does not know</source>
        <translation>der Hilfsprozess für den Schlüsselbund bekam eine Anfrage, die er nicht kennt</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Starting at login is not supported on this system yet. Add HubCall Desktop to your system&apos;s login items by hand.</source>
        <translation>Der Start bei der Anmeldung wird auf diesem System noch nicht unterstützt. Fügen Sie HubCall Desktop von Hand zu den Anmeldeobjekten Ihres Systems hinzu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not write the autostart entry %1 (%2). Check that the folder is writable.</source>
        <extracomment>%1 is a file path, %2 the system&apos;s error</extracomment>
        <translation>Der Autostart-Eintrag %1 konnte nicht geschrieben werden (%2). Prüfen Sie, ob der Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not write the LaunchAgent %1 (%2). Check that the folder is writable.</source>
        <extracomment>macOS. %1 is a file path, %2 the system&apos;s error</extracomment>
        <translation>Der LaunchAgent %1 konnte nicht geschrieben werden (%2). Prüfen Sie, ob der Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not change the registry value %1 (%2).</source>
        <extracomment>Windows. %1 is a registry value&apos;s location, %2 the system&apos;s error</extracomment>
        <translation>Der Registrierungswert %1 konnte nicht geändert werden (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A program path cannot contain a quote: %1</source>
        <extracomment>Windows. %1 is a program&apos;s path</extracomment>
        <translation>Ein Programmpfad darf kein Anführungszeichen enthalten: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system did not allow HubCall Desktop to start at login. Allow it in your system&apos;s settings for background apps, then turn the setting on again.</source>
        <extracomment>Flatpak: the desktop&apos;s Background portal said no (or the user did)</extracomment>
        <translation>Das System hat HubCall Desktop nicht erlaubt, bei der Anmeldung zu starten. Erlauben Sie es in den Systemeinstellungen für Hintergrund-Apps und schalten Sie die Einstellung dann erneut ein.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Could not ask the system to start HubCall Desktop at login (%1).</source>
        <extracomment>Flatpak: the Background portal could not be asked. %1 is the D-Bus error</extracomment>
        <translation>Das System konnte nicht gebeten werden, HubCall Desktop bei der Anmeldung zu starten (%1).</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The webhook needs a secret; none was given.</source>
        <translation>Der Webhook braucht ein Geheimnis; es wurde keines angegeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The webhook secret cannot be empty.</source>
        <translation>Das Webhook-Geheimnis darf nicht leer sein.</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>The webhook cannot listen on port %1 (%2); choose another port in Settings.</source>
        <extracomment>%1 is a port number, %2 the system&apos;s error</extracomment>
        <translation>Der Webhook kann nicht auf Port %1 empfangen (%2); wählen Sie in den Einstellungen einen anderen Port.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Another program is listening on port %1 (%2); the webhook cannot use it. Close that program or choose another port in Settings.</source>
        <extracomment>%1 is a port number, %2 the address it listens on (127.0.0.1 or ::1)</extracomment>
        <translation>Ein anderes Programm empfängt auf Port %1 (%2); der Webhook kann ihn nicht verwenden. Beenden Sie dieses Programm oder wählen Sie in den Einstellungen einen anderen Port.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The HubCall Desktop demo holds port %1, so the webhook is off; quit the demo, then restart HubCall Desktop.</source>
        <extracomment>%1 is a port number; the demo (hubcall-desktop --demo) was started first and took it</extracomment>
        <translation>Die Demo von HubCall Desktop belegt Port %1, daher ist der Webhook aus; beenden Sie die Demo und starten Sie HubCall Desktop neu.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not %1 the call in baresip: %2</source>
        <extracomment>%1 is an action of the MessageAction list, %2 baresip&apos;s answer (or one of the four below)</extracomment>
        <translation>Fehler beim %1 des Anrufs in baresip: %2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>That call is not ringing on this softphone.</source>
        <translation>Dieser Anruf klingelt nicht auf diesem Softphone.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several calls are ringing; answer in the softphone.</source>
        <translation>Mehrere Anrufe klingeln; nehmen Sie im Softphone ab.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That call is not open on this softphone.</source>
        <translation>Dieser Anruf ist auf diesem Softphone nicht offen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several calls are open; hang up in the softphone.</source>
        <translation>Mehrere Anrufe sind offen; legen Sie im Softphone auf.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This call is not open on a connected baresip.</source>
        <translation>Dieser Anruf ist in keinem verbundenen baresip offen.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>baresip disconnected before answering.</source>
        <translation>baresip hat die Verbindung getrennt, bevor es geantwortet hat.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>baresip at %1 is not connected.</source>
        <extracomment>%1 is an address such as 127.0.0.1:4444</extracomment>
        <translation>baresip unter %1 ist nicht verbunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baresip at %1 did not answer.</source>
        <extracomment>%1 is an address such as 127.0.0.1:4444</extracomment>
        <translation>baresip unter %1 hat nicht geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baresip at %1 disconnected.</source>
        <extracomment>%1 is an address such as 127.0.0.1:4444</extracomment>
        <translation>baresip unter %1 hat die Verbindung getrennt.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>webhook %1</source>
        <extracomment>A call source in the status bar; %1 is an address such as 127.0.0.1:47831</extracomment>
        <translation>Webhook %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baresip %1 (not connected)</source>
        <extracomment>A call source in the status bar; %1 is an address such as 127.0.0.1:4444</extracomment>
        <translation>baresip %1 (nicht verbunden)</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>%1: %2 (got %3)</source>
        <extracomment>%1 is a field (MessageField), %2 the problem, %3 the value given</extracomment>
        <translation>%1: %2 (Wert: %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <extracomment>%1 is a field (MessageField), %2 the problem</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>a call needs a final status before it is logged</source>
        <translation>ein Anruf braucht einen Endstatus, bevor er protokolliert wird</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>longer than %1 characters</source>
        <extracomment>%1 is a number</extracomment>
        <translation>länger als %1 Zeichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>too long for HubSpot once formatted (%1 of at most %2 characters): shorten them to %3 characters or fewer (%4 fewer than now)</source>
        <extracomment>the agent&apos;s notes; %1 and %2 are numbers of characters, %3 how many to keep, %4 how many to cut</extracomment>
        <translation>für HubSpot zu lang, sobald formatiert (%1 von höchstens %2 Zeichen): Kürzen Sie sie auf %3 Zeichen oder weniger (%4 weniger als jetzt)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>property names and values must be text</source>
        <translation>Namen und Werte von Eigenschaften müssen Text sein</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>HubSpot needs the caller&apos;s number</source>
        <translation>HubSpot braucht die Nummer des Anrufers</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>HubSpot needs the number that was called</source>
        <translation>HubSpot braucht die angerufene Nummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be 1 to 256 characters</source>
        <translation>muss 1 bis 256 Zeichen lang sein</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>must be from %1 to %2</source>
        <extracomment>%1 and %2 are numbers</extracomment>
        <translation>muss zwischen %1 und %2 liegen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>must be text</source>
        <translation>muss Text sein</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>contains characters that are not valid Unicode</source>
        <translation>enthält Zeichen, die kein gültiges Unicode sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is too large to store</source>
        <translation>ist zu groß zum Speichern</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>choose the call&apos;s status before logging it</source>
        <translation>wählen Sie den Status des Anrufs, bevor Sie ihn protokollieren</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>This call is being logged already; wait for HubSpot&apos;s answer before logging it again.</source>
        <translation>Dieser Anruf wird bereits protokolliert; warten Sie auf die Antwort von HubSpot, bevor Sie ihn erneut protokollieren.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no such call in the journal</source>
        <translation>dieser Anruf ist nicht im Anrufjournal</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>HubSpot needs the number that was called: enter your own number in Settings (Calls), or let the softphone send it.</source>
        <translation>HubSpot braucht die angerufene Nummer: Tragen Sie Ihre eigene Nummer in den Einstellungen (Anrufe) ein oder lassen Sie das Softphone sie mitsenden.</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>use 1 to %1 digits</source>
        <extracomment>%1 is a number</extracomment>
        <translation>1 bis %1 Ziffern verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a whole number from 1 to %1</source>
        <extracomment>%1 is a number</extracomment>
        <translation>muss eine ganze Zahl von 1 bis %1 sein</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>needs a time zone</source>
        <translation>braucht eine Zeitzone</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not a known two-letter country code such as US, DE or GB</source>
        <translation>kein bekannter zweistelliger Ländercode wie US, DE oder GB</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>wrong type</source>
        <translation>falscher Typ</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>expected %1</source>
        <extracomment>%1 is a Python type name, e.g. int</extracomment>
        <translation>erwartet: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>must be an https:// URL (http only for loopback)</source>
        <translation>muss eine https://-URL sein (http nur für Loopback)</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>must be one of %1</source>
        <extracomment>%1 is a list of choices</extracomment>
        <translation>muss einer der Werte %1 sein</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>must be a positive 32-bit number</source>
        <translation>muss eine positive 32-Bit-Zahl sein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be positive 32-bit user ids</source>
        <translation>müssen positive 32-Bit-Benutzer-IDs sein</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>must be HOST:PORT strings</source>
        <translation>müssen Angaben der Form HOST:PORT sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a port from 1 to 65535</source>
        <translation>muss ein Port von 1 bis 65535 sein</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>must be a port from 1024 to 65535</source>
        <translation>muss ein Port von 1024 bis 65535 sein</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>must be from 1 to 1000</source>
        <translation>muss zwischen 1 und 1000 liegen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>must be from 0 to 3600 seconds</source>
        <translation>muss zwischen 0 und 3600 Sekunden liegen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>has an unclosed quote</source>
        <translation>hat ein nicht geschlossenes Anführungszeichen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must name a program</source>
        <translation>muss ein Programm nennen</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>must be an ISO date and time</source>
        <translation>muss ein Datum mit Uhrzeit im ISO-Format sein</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>must be at most %1 portal keys of 1-%2 visible characters without spaces</source>
        <extracomment>%1 and %2 are numbers</extracomment>
        <translation>dürfen höchstens %1 Portalschlüssel aus 1–%2 sichtbaren Zeichen ohne Leerzeichen sein</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>must be 1-%1 visible characters without spaces</source>
        <extracomment>%1 is a number</extracomment>
        <translation>muss aus 1–%1 sichtbaren Zeichen ohne Leerzeichen bestehen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>must not contain spaces or control characters</source>
        <translation>darf keine Leerzeichen oder Steuerzeichen enthalten</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>is empty; paste the whole token</source>
        <translation>ist leer; fügen Sie das ganze Token ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is longer than %1 characters, so it is not a token</source>
        <extracomment>%1 is a number</extracomment>
        <translation>ist länger als %1 Zeichen und daher kein Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains spaces or line breaks; copy the token again without them</source>
        <translation>enthält Leerzeichen oder Zeilenumbrüche; kopieren Sie das Token noch einmal ohne sie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains control characters or characters a token cannot have</source>
        <translation>enthält Steuerzeichen oder Zeichen, die ein Token nicht enthalten kann</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is empty; delete the entry instead of saving nothing</source>
        <translation>ist leer; löschen Sie den Eintrag, statt nichts zu speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is longer than %1 characters</source>
        <extracomment>%1 is a number</extracomment>
        <translation>ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>not HOST:PORT, e.g. 127.0.0.1:4444</source>
        <translation>nicht in der Form HOST:PORT, z. B. 127.0.0.1:4444</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>needs a port from 1 to 65535, e.g. 127.0.0.1:4444</source>
        <translation>braucht einen Port von 1 bis 65535, z. B. 127.0.0.1:4444</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paste a token first</source>
        <translation>fügen Sie zuerst ein Token ein</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>HubSpot did not answer in time. Check that this computer is online; calls wait in the queue until HubSpot answers.</source>
        <translation>HubSpot hat nicht rechtzeitig geantwortet. Prüfen Sie, ob dieser Computer online ist; Anrufe warten in der Warteschlange, bis HubSpot antwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not reach HubSpot. Check that this computer is online; calls wait in the queue until HubSpot can be reached.</source>
        <translation>HubSpot ist nicht erreichbar. Prüfen Sie, ob dieser Computer online ist; Anrufe warten in der Warteschlange, bis HubSpot erreichbar ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot refused the call because of %1. Correct it and log the call again.</source>
        <extracomment>%1 names what HubSpot found wrong, e.g. &quot;the caller&apos;s number, the duration&quot;</extracomment>
        <translation>HubSpot hat den Anruf abgelehnt. Bitte korrigieren: %1. Protokollieren Sie den Anruf danach erneut.</translation>
    </message>
</context>
<context>
    <name>MessageAction</name>
    <message>
        <location line="+92"/>
        <source>open</source>
        <extracomment>An action as a noun phrase; it is read in &quot;while %1&quot;, &quot;to %1&quot;: German &quot;Öffnen&quot; (beim Öffnen), &quot;Lesen eines Geheimnisses&quot;, &quot;Erneuern des Zugriffstokens&quot;</extracomment>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read a secret</source>
        <translation>Lesen eines Geheimnisses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>save a secret</source>
        <translation>Speichern eines Geheimnisses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete a secret</source>
        <translation>Löschen eines Geheimnisses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the access token</source>
        <translation>Lesen des Zugriffstokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>save the access token</source>
        <translation>Speichern des Zugriffstokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete the access token</source>
        <translation>Löschen des Zugriffstokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the webhook secret</source>
        <translation>Lesen des Webhook-Geheimnisses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refresh the access token</source>
        <translation>Erneuern des Zugriffstokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the connection&apos;s details</source>
        <translation>Abrufen der Verbindungsdetails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finish connecting</source>
        <translation>Abschließen der Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoke the connection</source>
        <translation>Widerrufen der Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answer</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hang up</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>MessageApiField</name>
    <message>
        <location line="-99"/>
        <source>the caller&apos;s number</source>
        <translation>die Nummer des Anrufers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the number that was called</source>
        <translation>die angerufene Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the duration</source>
        <translation>die Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the start time</source>
        <translation>der Beginn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your HubSpot user id</source>
        <translation>Ihre HubSpot-Benutzer-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the recipients</source>
        <translation>die Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>the status</source>
        <translation>der Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>the notes</source>
        <translation>die Notizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>the title</source>
        <translation>der Titel</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>the outcome</source>
        <translation>das Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the call&apos;s id</source>
        <translation>die ID des Anrufs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a detail of the call</source>
        <translation>eine Angabe zum Anruf</translation>
    </message>
</context>
<context>
    <name>MessageField</name>
    <message>
        <location line="+6"/>
        <source>default country</source>
        <translation>Standardland</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your number</source>
        <translation>Ihre Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot user id</source>
        <translation>HubSpot-Benutzer-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default recipients</source>
        <translation>Standardempfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webhook port</source>
        <translation>Webhook-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>baresip addresses</source>
        <translation>baresip-Adressen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API base URL</source>
        <translation>API-Basis-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API path version</source>
        <translation>API-Pfadversion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log untouched calls after</source>
        <translation>Unbearbeitete Anrufe protokollieren nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log missed calls after</source>
        <translation>verpasste Anrufe protokollieren nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call back command</source>
        <translation>Befehl zum Zurückrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call back link</source>
        <translation>Link zum Zurückrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requests per 10 seconds</source>
        <translation>Anfragen pro 10 Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portal id</source>
        <translation>Portal-ID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>from</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extension</source>
        <translation>Durchwahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call id</source>
        <translation>Anruf-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>region</source>
        <translation>Standardland</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user_id</source>
        <translation>Ihre HubSpot-Benutzer-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipient_user_ids</source>
        <translation>Standard-Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webhook_port</source>
        <translation>Webhook-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>baresip_endpoints</source>
        <translation>Steueradressen von baresip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>api_base</source>
        <translation>API-Basis-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>api_version</source>
        <translation>API-Pfadversion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto_log_seconds</source>
        <translation>Unbearbeitete Anrufe protokollieren nach</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>portal_id</source>
        <translation>Portal-ID</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+39"/>
        <source>portals</source>
        <translation>Portale</translation>
    </message>
</context>
<context>
    <name>MissedCalls</name>
    <message numerus="yes">
        <location filename="../../hubcall_desktop/ui/presenters/missed_calls.py" line="+157"/>
        <source>%n missed call(s)</source>
        <translation>
            <numerusform>%n verpasster Anruf</numerusform>
            <numerusform>%n verpasste Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The call back command could not be started: %1</source>
        <translation>Der Befehl zum Zurückrufen konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No softphone is set up to open %1 links.</source>
        <translation>Kein Softphone ist eingerichtet, um %1-Links zu öffnen.</translation>
    </message>
</context>
<context>
    <name>MissedCallsWindow</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/missed_calls.py" line="+41"/>
        <location line="+9"/>
        <source>Missed calls</source>
        <translation>Verpasste Anrufe</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Call back</source>
        <translation>&amp;Zurückrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call the selected caller back (Enter)</source>
        <translation>Den ausgewählten Anrufer zurückrufen (Eingabetaste)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unknown caller</source>
        <translation>Unbekannter Anrufer</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n missed call(s) since you last looked.</source>
        <translation>
            <numerusform>%n verpasster Anruf seit Ihrem letzten Blick.</numerusform>
            <numerusform>%n verpasste Anrufe seit Ihrem letzten Blick.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No missed calls since you last looked.</source>
        <translation>Keine verpassten Anrufe seit Ihrem letzten Blick.</translation>
    </message>
</context>
<context>
    <name>NumberStep</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/setup_guide.py" line="+38"/>
        <source>Your phone number</source>
        <translation>Ihre Telefonnummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number callers dial to reach you. HubSpot needs it with every call HubCall Desktop logs; leave it empty if your softphone sends it.</source>
        <translation>Die Nummer, die Anrufer wählen, um Sie zu erreichen. HubSpot braucht sie bei jedem Anruf, den HubCall Desktop protokolliert; lassen Sie sie leer, wenn Ihr Softphone sie mitschickt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Default country for phone numbers</source>
        <translation>Standardland für Telefonnummern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your own phone number</source>
        <translation>Ihre eigene Telefonnummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Country:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;number:</source>
        <translation>Ihre &amp;Nummer:</translation>
    </message>
</context>
<context>
    <name>OutcomeCombo</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/outcome_combo.py" line="+43"/>
        <source>Call outcome</source>
        <translation>Anrufergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What came of the call, as your HubSpot portal lists it</source>
        <translation>Was beim Anruf herauskam, wie Ihr HubSpot-Portal es aufführt</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No outcome</source>
        <translation>Kein Ergebnis</translation>
    </message>
</context>
<context>
    <name>PhoneField</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/phone_field.py" line="+32"/>
        <source>Number check</source>
        <translation>Nummernprüfung</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Any format: +49 30 1234567, (212) 555-0143, 0049…</source>
        <translation>Jedes Format: +49 30 1234567, 030 1234567, 0049 …</translation>
    </message>
</context>
<context>
    <name>PhoneNumberType</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/i18n.py" line="+12"/>
        <source>fixed line</source>
        <translation>Festnetz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fixed line or mobile</source>
        <translation>Festnetz oder Mobil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pager</source>
        <translation>Pager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personal number</source>
        <translation>persönliche Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>premium rate</source>
        <translation>Premiumdienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shared cost</source>
        <translation>geteilte Kosten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>toll free</source>
        <translation>gebührenfrei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>universal access number</source>
        <translation>einheitliche Zugangsnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown type</source>
        <translation>unbekannter Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voicemail</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VoIP</source>
        <translation>VoIP</translation>
    </message>
</context>
<context>
    <name>PopupManager</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/popup_stack.py" line="+128"/>
        <source>This call could not be recorded, so it is not in the history: %1</source>
        <translation>Dieser Anruf konnte nicht aufgezeichnet werden und fehlt deshalb im Verlauf: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/settings_dialog.py" line="+62"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;HubSpot</source>
        <translation>&amp;HubSpot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Calls</source>
        <translation>&amp;Anrufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;General</source>
        <translation>A&amp;llgemein</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Softphone</source>
        <translation>Soft&amp;phone</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Default country for phone numbers</source>
        <translation>Standardland für Telefonnummern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your own phone number</source>
        <translation>Ihre eigene Telefonnummer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your HubSpot user id</source>
        <translation>Ihre HubSpot-Benutzer-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default recipient user ids</source>
        <translation>Standard-Benutzer-IDs der Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User ids, separated by commas</source>
        <translation>Benutzer-IDs, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log untouched calls automatically after seconds</source>
        <translation>Unbearbeitete Anrufe nach Sekunden automatisch protokollieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+16"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+16"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Default &amp;country:</source>
        <translation>Standard&amp;land:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;number:</source>
        <translation>Ihre &amp;Nummer:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your HubSpot &amp;user id:</source>
        <translation>Ihre HubSpot-&amp;Benutzer-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;recipients:</source>
        <translation>Standard-&amp;Empfänger:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log untouched calls after:</source>
        <translation>Unbearbeitete Anrufe &amp;protokollieren nach:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log missed calls automatically after seconds</source>
        <translation>Verpasste Anrufe automatisch protokollieren nach Sekunden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link used to call back</source>
        <translation>Link zum Zurückrufen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Command that calls back</source>
        <translation>Befehl zum Zurückrufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. baresip-dial {number}; empty: open the link</source>
        <translation>z. B. baresip-dial {number}; leer: den Link öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log &amp;missed calls after:</source>
        <translation>&amp;Verpasste Anrufe protokollieren nach:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back &amp;with:</source>
        <translation>Zurückrufen &amp;mit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back co&amp;mmand:</source>
        <translation>Rückruf-&amp;Befehl:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show a &amp;pop-up when a call rings</source>
        <translation>&amp;Pop-up zeigen, wenn ein Anruf klingelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play a &amp;sound with notifications</source>
        <translation>&amp;Ton bei Benachrichtigungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Do not disturb (no pop-ups or notifications; calls are still journaled)</source>
        <translation>&amp;Nicht stören (keine Pop-ups oder Benachrichtigungen; Anrufe werden weiter aufgezeichnet)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start &amp;minimised to the tray</source>
        <translation>&amp;Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start at &amp;login</source>
        <translation>Bei der &amp;Anmeldung starten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting at login is not supported on this system yet. Add HubCall Desktop to your system&apos;s login items by hand.</source>
        <translation>Der Start bei der Anmeldung wird auf diesem System noch nicht unterstützt. Fügen Sie HubCall Desktop von Hand zu den Anmeldeobjekten Ihres Systems hinzu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language shows after HubCall Desktop restarts.</source>
        <translation>Eine neue Sprache erscheint nach einem Neustart von HubCall Desktop.</translation>
    </message>
</context>
<context>
    <name>SetupGuide</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/setup_guide.py" line="+93"/>
        <source>&amp;Skip set-up</source>
        <translation>Einrichtung &amp;überspringen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the guide; Help → Set-up guide opens it again</source>
        <translation>Den Assistenten schließen; Hilfe → Einrichtungsassistent öffnet ihn wieder</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Set up HubCall Desktop – step %1 of %2</source>
        <translation>HubCall Desktop einrichten – Schritt %1 von %2</translation>
    </message>
</context>
<context>
    <name>SetupGuidePresenter</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/setup_guide.py" line="+173"/>
        <source>HubCall Desktop is still starting; try again in a moment.</source>
        <translation>HubCall Desktop startet noch; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Do not disturb is on, so no pop-up shows. Turn it off (Options menu), then ring again.</source>
        <translation>„Nicht stören“ ist an, daher erscheint kein Pop-up. Schalten Sie es aus (Menü Optionen) und lassen Sie es erneut klingeln.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pop-ups are turned off. Turn them on in Settings (Notifications), then ring again.</source>
        <translation>Pop-ups sind ausgeschaltet. Schalten Sie sie in den Einstellungen ein (Benachrichtigungen) und lassen Sie es erneut klingeln.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Test call from HubCall Desktop</source>
        <translation>Testanruf von HubCall Desktop</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ringing: the pop-up is in the corner of your screen; answer and hang up there. This test call stays on this computer and is never logged in HubSpot.</source>
        <translation>Es klingelt: Das Pop-up ist in der Ecke Ihres Bildschirms; nehmen Sie dort ab und legen Sie auf. Dieser Testanruf bleibt auf diesem Computer und wird nie in HubSpot protokolliert.</translation>
    </message>
</context>
<context>
    <name>SoftphonePage</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/softphone_page.py" line="+34"/>
        <source>Ringing (URL)</source>
        <translation>Klingeln (URL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered (URL)</source>
        <translation>Angenommen (URL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended (URL)</source>
        <translation>Beendet (URL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ringing (command)</source>
        <translation>Klingeln (Befehl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered (command)</source>
        <translation>Angenommen (Befehl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended (command)</source>
        <translation>Beendet (Befehl)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Listen for softphone events on this computer (webhook)</source>
        <translation>Softphone-Ereignisse auf diesem Computer &amp;empfangen (Webhook)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Webhook port</source>
        <translation>Webhook-Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baresip control addresses</source>
        <translation>Steueradressen von baresip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 127.0.0.1:4444, separated by commas</source>
        <translation>z. B. 127.0.0.1:4444, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webhook &amp;port:</source>
        <translation>Webhook-&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;baresip:</source>
        <translation>&amp;baresip:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect your softphone</source>
        <translation>Softphone verbinden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied to the clipboard</source>
        <translation>In die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes here take effect after HubCall Desktop restarts.</source>
        <translation>Änderungen hier wirken nach einem Neustart von HubCall Desktop.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The webhook is not running, so there is nothing to copy yet.</source>
        <translation>Der Webhook läuft nicht, daher gibt es noch nichts zu kopieren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
</context>
<context>
    <name>SoftphoneStep</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/setup_guide.py" line="-94"/>
        <source>Your softphone, and a test ring</source>
        <translation>Ihr Softphone und ein Testanruf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell HubCall Desktop about your calls, then ring a test call.</source>
        <translation>Sagen Sie HubCall Desktop, wie es von Ihren Anrufen erfährt, und lassen Sie dann einen Testanruf klingeln.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Three ways: a softphone that opens a web address on each call (copy the addresses below into its settings), baresip (enter its control address), or a script or phone system that runs a command (copy a command).</source>
        <translation>Drei Wege: ein Softphone, das bei jedem Anruf eine Webadresse aufruft (kopieren Sie die Adressen unten in seine Einstellungen), baresip (geben Sie seine Steueradresse ein) oder ein Skript bzw. eine Telefonanlage, die einen Befehl ausführt (kopieren Sie einen Befehl).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test ring</source>
        <translation>Testanruf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test &amp;ring</source>
        <translation>Test&amp;anruf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ring a test call here to see the pop-up; it is never logged in HubSpot</source>
        <translation>Hier einen Testanruf klingeln lassen, um das Pop-up zu sehen; er wird nie in HubSpot protokolliert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A test call rings here so you see the pop-up. It is never logged in HubSpot.</source>
        <translation>Hier klingelt ein Testanruf, damit Sie das Pop-up sehen. Er wird nie in HubSpot protokolliert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test ring result</source>
        <translation>Ergebnis des Testanrufs</translation>
    </message>
</context>
<context>
    <name>StatusCombo</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/status_combo.py" line="+50"/>
        <source>More…</source>
        <translation>Weitere…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statuses of calls that have not ended yet</source>
        <translation>Status von Anrufen, die noch nicht beendet sind</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/i18n.py" line="-35"/>
        <source>Not logged</source>
        <translation>Nicht protokolliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged</source>
        <translation>Protokolliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withheld, kept here</source>
        <translation>Unterdrückt, nur hier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs the called number</source>
        <translation>Braucht die angerufene Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discarded</source>
        <translation>Verworfen</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../hubcall_desktop/ui/desktop/tray.py" line="+109"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ringing</source>
        <translation>Klingelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected to HubSpot</source>
        <translation>Nicht mit HubSpot verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n missed call(s)</source>
        <translation>
            <numerusform>%n verpasster Anruf</numerusform>
            <numerusform>%n verpasste Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Simulate &amp;incoming call</source>
        <translation>&amp;Eingehenden Anruf simulieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recent calls</source>
        <translation>Letzte Anrufe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No calls yet</source>
        <translation>Noch keine Anrufe</translation>
    </message>
</context>
<context>
    <name>WrapUps</name>
    <message numerus="yes">
        <location filename="../../hubcall_desktop/ui/presenters/wrap_ups.py" line="+73"/>
        <source>%n call(s) were cut off when HubCall Desktop stopped: check the status, then log or discard them.</source>
        <translation>
            <numerusform>%n Anruf wurde unterbrochen, als HubCall Desktop beendet wurde: Prüfen Sie den Status und protokollieren oder verwerfen Sie ihn dann.</numerusform>
            <numerusform>%n Anrufe wurden unterbrochen, als HubCall Desktop beendet wurde: Prüfen Sie den Status und protokollieren oder verwerfen Sie sie dann.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Calls cut off by a stop</source>
        <translation>Durch ein Beenden unterbrochene Anrufe</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n call(s) need a status before they are logged. Click to wrap them up.</source>
        <translation>
            <numerusform>%n Anruf braucht einen Status, bevor er protokolliert wird. Klicken Sie hier, um ihn abzuschließen.</numerusform>
            <numerusform>%n Anrufe brauchen einen Status, bevor sie protokolliert werden. Klicken Sie hier, um sie abzuschließen.</numerusform>
        </translation>
    </message>
</context>
</TS>
