<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AppActions</name>
    <message>
        <location filename="../../hubcall_desktop/ui/desktop/app_actions.py" line="+24"/>
        <source>&amp;Log a call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the call &amp;pop-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>&amp;Missed calls…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-19"/>
        <source>&amp;Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reconnect to HubSpot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>&amp;Missed calls (%n)…</source>
        <translation>
            <numerusform>&amp;Missed calls (%n)…</numerusform>
            <numerusform>&amp;Missed calls (%n)…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/controller.py" line="+211"/>
        <source>No system tray was found: HubCall Desktop runs as a normal window, and closing it quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>HubSpot needs you to connect again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calls are kept and logged once you connect again. Open the settings and choose Connect with OAuth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>HubSpot needs you to connect again; %n call(s) queued</source>
        <translation>
            <numerusform>HubSpot needs you to connect again; %n call queued</numerusform>
            <numerusform>HubSpot needs you to connect again; %n calls queued</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calls are journaled, nothing pops up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n call(s) waiting to be logged</source>
        <translation>
            <numerusform>%n call waiting to be logged</numerusform>
            <numerusform>%n calls waiting to be logged</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Quit HubCall Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n call(s) are still waiting to be logged. They stay queued and are sent the next time HubCall Desktop runs.</source>
        <translation>
            <numerusform>%n call is still waiting to be logged. It stays queued and is sent the next time HubCall Desktop runs.</numerusform>
            <numerusform>%n calls are still waiting to be logged. They stay queued and are sent the next time HubCall Desktop runs.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Boot</name>
    <message>
        <location filename="../../hubcall_desktop/ui/startup/boot.py" line="+151"/>
        <source>Port %1 is taken, so the demo&apos;s webhook listens on %2 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>HubSpot connection lacks a scope</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/call_dialog.py" line="+60"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Create c&amp;ontact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <source>&amp;Log call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter the number that was called to log the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Call with %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the number that was called below, or your own number in Settings (Calls): the call is sent then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Resend</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallNotices</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/call_notices.py" line="+80"/>
        <source>Could not log a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallOutcome</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/outcome_combo.py" line="+32"/>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubcall_desktop/ui/models/history_columns.py" line="+47"/>
        <location filename="../../hubcall_desktop/ui/widgets/outcome_combo.py" line="+1"/>
        <source>Left live message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/outcome_combo.py" line="+1"/>
        <source>Left voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallPopup</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/popup.py" line="+95"/>
        <location line="+249"/>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-215"/>
        <source>Close the pop-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (the call stays in the history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Create c&amp;ontact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Call duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Call status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was the call about?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the call here, do not log it (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log the call in HubSpot (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Caller number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From an earlier call; asking HubSpot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown caller: HubSpot has no contact or company with this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Asking HubSpot who is calling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not ask HubSpot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From an earlier call. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>HubCall Desktop stopped during this call, so how it ended is not known. Check the status, then log or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Incoming call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call in progress · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call ended · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call cut off · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Talking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Talked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallSource</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/i18n.py" line="+70"/>
        <source>Softphone (webhook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>baresip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallStatus</name>
    <message>
        <location line="-36"/>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling CRM user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalledNumberField</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/called_number.py" line="+33"/>
        <source>Number that was &amp;called (your line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number that was called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed to log the call in HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/contact_form.py" line="+49"/>
        <source>Create contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HubSpot does not know this caller. Create a contact for them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;ast name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ompany:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the &amp;existing contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not an e-mail address (name@example.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a name or an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Creating the contact in HubSpot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>HubSpot already has a contact with this e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot already has a contact with these details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved. HubCall Desktop creates the contact as soon as HubSpot can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The contact was not created. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/secondary_windows.py" line="+66"/>
        <source>HubCall Desktop is still starting; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/settings.py" line="+256"/>
        <source>Sign-in cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The sign-in failed unexpectedly; the details are in the log in %1 (Help → Open log folder in the main window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Log out of HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log out of portal %1? HubCall Desktop asks HubSpot to forget the connection and deletes its secrets from the keyring. Calls stay queued until you connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Demo mode uses the sandbox&apos;s token; nothing is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+17"/>
        <source>Asking HubSpot…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/i18n.py" line="+15"/>
        <source>Inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/formatting.py" line="+21"/>
        <source>Withheld number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 +%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryActions</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/history_actions.py" line="+78"/>
        <source>The call is queued for HubSpot again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Calling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calling %1 back did not start: check Call back in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sending the queued calls now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Call discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 will not be logged. Click to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Discard undone: %1 is back to wrap up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not logged yet: the call with %1 waits under &quot;To wrap up&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrap-up put aside</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryMenu</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/history_menu.py" line="+69"/>
        <location line="+95"/>
        <source>Call actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Open in &amp;HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;opy number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit notes before sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Undo discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Call discarded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Copied %1 to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied %1 (%2) to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../hubcall_desktop/ui/models/history_columns.py" line="-13"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubcall_desktop/ui/models/history_model.py" line="+357"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HubSpotPage</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/hubspot_page.py" line="+101"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each HubSpot account you connect has a name here. Type a new name and press Enter to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Portal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect with OA&amp;uth…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel sign-&amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Private app access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste a private app token (pat-…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Private app to&amp;ken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Portal id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Portal id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OAuth client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your HubSpot app&apos;s client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OAuth client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional; kept only in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the legacy OAuth endpoints (v&amp;1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth client i&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API path version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API &amp;base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API path &amp;version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API changes take effect after HubCall Desktop restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign-in port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redirect URL to register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cop&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the redirect URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add this redirect URL to your HubSpot app (Auth, Redirect URLs) exactly as shown; HubSpot refuses a sign-in whose URL differs. Change the port only if another program uses it, then register the new URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign-in &amp;port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>In use now, set by demo mode, --api-base or HUBCALL_API_BASE. Started without them, HubCall Desktop uses %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Demo mode uses the sandbox&apos;s token: connecting and logging out are off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to the demo sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected with OAuth as %1 (portal %2), scopes: %3. The access token is renewed automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connected with a private app token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Using the token from HUBCALL_ACCESS_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reconnect needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No keyring: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Waiting for you to sign in in the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No web browser could be opened. Open this address in your browser to sign in:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Signed in as %1 to portal %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Logged out: the secrets of portal %1 were deleted from the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Token saved in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected to portal %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Paste the token first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HubSpotStep</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/setup_guide.py" line="+75"/>
        <source>Connect HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in with OAuth in your browser, or paste a private app token (in HubSpot: Settings → Integrations → Private apps). Tokens are kept in the system keyring, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InputError</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/messages.py" line="+328"/>
        <source>enter a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source>the caller&apos;s number is withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an internal extension, not a public phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too short to be a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too long to be a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>too short after the international prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>no country code and no default country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>contains control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>user ids are whole numbers, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <source>not a valid phone number (read as %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogCallForm</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/log_form.py" line="+77"/>
        <source>Log a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>From number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Final status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start date and time (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duration in hours, minutes and seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your HubSpot user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recipient user ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User ids, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a call &amp;engagement in HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xtension:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outc&amp;ome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>St&amp;arted (local time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duration (h:mm:ss):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recipients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;New call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Logging the call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Logged in HubSpot; the form is ready for the next call. HubSpot matched:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Logged in HubSpot; the form is ready for the next call. HubSpot has no contact or company with this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The call is queued and will be logged once that is fixed; the form is ready for the next call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HubSpot has not answered yet. The call is queued and will be logged automatically (see the history); the form is ready for the next call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>HubSpot refused the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HubSpot refused the call; see the marked field.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/main_window.py" line="+62"/>
        <source>All calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not logged yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept here only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>HubCall Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Demo mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calls go to a local HubSpot sandbox, not to HubSpot. Ring yourself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>Simulate &amp;incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Call in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-82"/>
        <source>To wrap up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Go to &amp;pop-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search numbers, names, notes (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the call history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Call history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Reconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to HubSpot again in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set &amp;up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect HubSpot with the set-up guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>&amp;Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find in history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Send queued calls now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set-up &amp;guide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No file manager could be opened. The log folder is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No call in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>talking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Token: not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnect needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HubSpot: not contacted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listening: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No call source listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatchList</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/match_list.py" line="+89"/>
        <source>Open in HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open %1 in HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/messages.py" line="-151"/>
        <source>%1 (HubSpot said: %2; correlation id %3)</source>
        <extracomment>%1 is a sentence of this list, %2 HubSpot&apos;s own message, %3 its correlation id</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (HubSpot said: %2)</source>
        <extracomment>%1 is a sentence of this list, %2 HubSpot&apos;s own message</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (correlation id %2)</source>
        <extracomment>%1 is a sentence of this list, %2 HubSpot&apos;s correlation id</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HubSpot access token expired; the app fetches a new one for the next request. Reconnect to HubSpot in Settings if this message stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HubSpot access token was not accepted. Reconnect to HubSpot in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The HubSpot access token was not accepted. Reconnect to HubSpot in Settings; a private-app token works only with API versions %1.</source>
        <extracomment>%1 lists the API versions that take private-app tokens, e.g. &quot;2025-09, 2026-09&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The HubSpot app lacks a permission: add the scope %1 and reconnect.</source>
        <extracomment>%1 is a list of HubSpot scope names</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The HubSpot app lacks a permission: add one of the scopes %1 and reconnect.</source>
        <extracomment>%1 is a list of HubSpot scope names, any one of which will do</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot refused access: API version %1 accepts OAuth connections only. Connect with OAuth in Settings, or choose API version %2 to use a private-app token.</source>
        <extracomment>%1 is the API version in use (v3, 2026-03), %2 one that also takes private-app tokens</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot refused access. The app needs one of these scopes: %1.</source>
        <extracomment>%1 is a list of HubSpot scope names</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot&apos;s daily API limit is used up; calls stay queued until it resets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot is rate limiting requests; the app will send again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot had a server error (%1); the app will try again.</source>
        <extracomment>%1 is the HTTP status code</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot rejected the call: check %1.</source>
        <extracomment>%1 is a list of HubSpot&apos;s request field names</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot rejected the request (%1).</source>
        <extracomment>%1 is the HTTP status code</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HubSpot did not answer in time (%1).</source>
        <extracomment>%1 names the network error, e.g. ReadTimeout</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not reach HubSpot (%1).</source>
        <extracomment>%1 names the network error, e.g. ConnectError</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot&apos;s account details lacked the portal id or domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot answered with something that is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot&apos;s answer did not list caller matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot&apos;s answer could not be read (%1).</source>
        <extracomment>%1 says why, e.g. &quot;larger than 1024 KiB&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>HubSpot is slow: no answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot is slow: no answer within %1 seconds. The call stays queued and is sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-73"/>
        <source>No secure keyring is available to keep the HubSpot token (%1). Install and start a keyring service (GNOME Keyring, KWallet or KeePassXC with its Secret Service enabled on Linux; the system keychain on macOS and Windows) and try again, or set HUBCALL_ACCESS_TOKEN for this session.</source>
        <extracomment>%1 says why (a sentence of this list or the keyring library&apos;s words)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the keyring library found no usable backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 keeps secrets in a file, which is refused</source>
        <extracomment>%1 is the name of a keyring backend</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not usable here: %2</source>
        <extracomment>%1 is the name of a keyring backend, %2 the error it gave</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not recommended by the keyring library</source>
        <extracomment>%1 is the name of a keyring backend</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the keyring library could not load it: %1</source>
        <extracomment>%1 is the error the keyring library gave</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The system keyring is locked or could not be opened (%1). Unlock it (log in to your desktop session, or open your password manager and unlock the login keyring), then try again.</source>
        <extracomment>%1 is the error the keyring gave</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keyring could not %1 (%2). Check that your keyring service is running and unlocked, then try again.</source>
        <extracomment>%1 is an action of the MessageAction list, %2 the error the keyring gave</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the keyring refused to delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-39"/>
        <source>The system keyring did not %1 within %2 seconds. It may be waiting for you to unlock it: look for an unlock window, then try again.</source>
        <extracomment>%1 is an action of the MessageAction list, %2 a number of seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No HubSpot access token is saved for portal %1. Save your private app&apos;s access token in the settings (or with the command line), or set HUBCALL_ACCESS_TOKEN.</source>
        <extracomment>%1 is the portal&apos;s key in quotes, e.g. &apos;default&apos;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot needs you to connect again for portal %1 (%2). Open the settings and press Connect (or run `hubcall-desktop auth login`); calls are kept in the outbox and sent once you are connected.</source>
        <extracomment>%1 is the portal&apos;s key in quotes, %2 says why (a sentence of this list)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot no longer accepts the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no refresh token is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not reach HubSpot to %1; check the network and try again.</source>
        <extracomment>%1 is an action of the MessageAction list</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+108"/>
        <source>HubSpot refused: %1</source>
        <extracomment>%1 is HubSpot&apos;s own message</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>HubSpot&apos;s token details were not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>HubSpot&apos;s token answer had no access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-107"/>
        <source>HubSpot sent no refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No OAuth client id is configured. Enter your HubSpot app&apos;s client id in the settings (or pass --client-id), or connect with a private-app token instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The answer from the browser did not match this sign-in (wrong state), so it was refused. Start the connection again from the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+109"/>
        <source>No web browser could be opened. Open this address yourself to connect: %1</source>
        <extracomment>%1 is a web address</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HubSpot did not grant access (%1).</source>
        <extracomment>%1 is HubSpot&apos;s error code</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Port %1, where the browser returns after signing in to HubSpot, is used by another program. Close that program, or choose another sign-in port in the settings (HubSpot, Advanced) and add its redirect URL to your HubSpot app.</source>
        <extracomment>%1 is a port number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The sign-in cannot listen on %1 port %2: %3</source>
        <extracomment>%1 is a loopback address, %2 a port number, %3 the system&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This HubSpot connection cannot identify callers or log calls: add the scope %1 (or one of %2) to the app in HubSpot, then connect again.</source>
        <extracomment>%1 and %2 are HubSpot scope names</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Not connected to HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot needs you to connect again; calls are queued until you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Portal %1 is not connected with OAuth.</source>
        <extracomment>%1 is the portal&apos;s key in quotes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot could not be told to forget the connection: %1</source>
        <extracomment>A warning after logging out; %1 says why (a sentence of this list)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>This call belongs to HubSpot portal %1, which is not connected now; connect it again to send the call. It stays queued until then.</source>
        <extracomment>%1 is the portal&apos;s key in quotes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-184"/>
        <source>The call journal %1 is in use by another program and stayed locked for %2 s. Close any other copy of HubCall Desktop (or the program holding the file) and try again.</source>
        <extracomment>%1 is a file path, %2 a number of seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 cannot be opened. Check that its folder exists and that you may read and write there.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The call journal %1 cannot be checked (%2). Check that its folder is still there and readable.</source>
        <extracomment>%1 is a file path, %2 the system&apos;s error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 was deleted while HubCall Desktop was running and cannot be written back (%2). Quit HubCall Desktop and check that its folder can be written.</source>
        <extracomment>%1 is a file path, %2 the system&apos;s error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The disk holding the call journal %1 is full, so the last change was not saved. Free some space and try again.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 is read-only. Allow writing to the file and its folder, then try again.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 could not be read or written (disk error %2). Check the disk and try again.</source>
        <extracomment>%1 is a file path, %2 SQLite&apos;s error name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 is damaged or is not a HubCall Desktop journal (%2). It was left untouched: move it elsewhere (or restore a backup) and start HubCall Desktop again to begin a new journal.</source>
        <extracomment>%1 is a file path, %2 SQLite&apos;s error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 cannot be created: a file or folder is in the way. Move it elsewhere or choose another data folder.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 cannot be created (%2). Check that its folder exists and that you may write there.</source>
        <extracomment>%1 is a file path, %2 the system&apos;s error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 is not a HubCall Desktop call journal (it holds another program&apos;s data). It was left untouched: move it elsewhere or choose another data folder.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 was written by a newer version of HubCall Desktop (journal version %2; this version knows up to %3). It was left untouched: update HubCall Desktop, or start this version with another data folder.</source>
        <extracomment>%1 is a file path, %2 and %3 are version numbers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The call journal %1 holds a call it cannot read (%2). The file was changed by another program.</source>
        <extracomment>%1 is a file path, %2 the call&apos;s id and what is wrong with it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This call is already logged in HubSpot; a call is logged once only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This call is already waiting to be logged in HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubCall Desktop (or another &apos;hubcall-desktop sync&apos;) is sending the outbox right now; it sends what is queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This call cannot be logged in HubSpot: %1.</source>
        <extracomment>%1 says why (a sentence of this list)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the number is withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a phone number is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No answer from the browser within %1 seconds. If HubSpot said the redirect URL is not allowed, add %2 to the HubSpot app&apos;s redirect URLs exactly as written. Then start the connection again and finish it in the browser window that opens.</source>
        <extracomment>%1 is a number of seconds, %2 the redirect URL to register (http://localhost:PORT/oauth-callback)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the keyring helper process ended (exit code %1)</source>
        <extracomment>%1 is a process exit code, or &quot;none&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keyring helper&apos;s answer cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the keyring helper process could not start: %1</source>
        <extracomment>%1 is the error&apos;s name, e.g. FileNotFoundError</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keyring helper was asked something it does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Starting at login is not supported on this system yet. Add HubCall Desktop to your system&apos;s login items by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not write the autostart entry %1 (%2). Check that the folder is writable.</source>
        <extracomment>%1 is a file path, %2 the system&apos;s error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not write the LaunchAgent %1 (%2). Check that the folder is writable.</source>
        <extracomment>macOS. %1 is a file path, %2 the system&apos;s error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not change the registry value %1 (%2).</source>
        <extracomment>Windows. %1 is a registry value&apos;s location, %2 the system&apos;s error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A program path cannot contain a quote: %1</source>
        <extracomment>Windows. %1 is a program&apos;s path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system did not allow HubCall Desktop to start at login. Allow it in your system&apos;s settings for background apps, then turn the setting on again.</source>
        <extracomment>Flatpak: the desktop&apos;s Background portal said no (or the user did)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Could not ask the system to start HubCall Desktop at login (%1).</source>
        <extracomment>Flatpak: the Background portal could not be asked. %1 is the D-Bus error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The webhook needs a secret; none was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The webhook secret cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-78"/>
        <source>The webhook cannot listen on port %1 (%2); choose another port in Settings.</source>
        <extracomment>%1 is a port number, %2 the system&apos;s error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Another program is listening on port %1 (%2); the webhook cannot use it. Close that program or choose another port in Settings.</source>
        <extracomment>%1 is a port number, %2 the address it listens on (127.0.0.1 or ::1)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The HubCall Desktop demo holds port %1, so the webhook is off; quit the demo, then restart HubCall Desktop.</source>
        <extracomment>%1 is a port number; the demo (hubcall-desktop --demo) was started first and took it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not %1 the call in baresip: %2</source>
        <extracomment>%1 is an action of the MessageAction list, %2 baresip&apos;s answer (or one of the four below)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>That call is not ringing on this softphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several calls are ringing; answer in the softphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That call is not open on this softphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several calls are open; hang up in the softphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This call is not open on a connected baresip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>baresip disconnected before answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>baresip at %1 is not connected.</source>
        <extracomment>%1 is an address such as 127.0.0.1:4444</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baresip at %1 did not answer.</source>
        <extracomment>%1 is an address such as 127.0.0.1:4444</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baresip at %1 disconnected.</source>
        <extracomment>%1 is an address such as 127.0.0.1:4444</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source>webhook %1</source>
        <extracomment>A call source in the status bar; %1 is an address such as 127.0.0.1:47831</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baresip %1 (not connected)</source>
        <extracomment>A call source in the status bar; %1 is an address such as 127.0.0.1:4444</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-129"/>
        <source>%1: %2 (got %3)</source>
        <extracomment>%1 is a field (MessageField), %2 the problem, %3 the value given</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <extracomment>%1 is a field (MessageField), %2 the problem</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+195"/>
        <source>a call needs a final status before it is logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-27"/>
        <source>longer than %1 characters</source>
        <extracomment>%1 is a number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>too long for HubSpot once formatted (%1 of at most %2 characters): shorten them to %3 characters or fewer (%4 fewer than now)</source>
        <extracomment>the agent&apos;s notes; %1 and %2 are numbers of characters, %3 how many to keep, %4 how many to cut</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>property names and values must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-3"/>
        <source>HubSpot needs the caller&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>HubSpot needs the number that was called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be 1 to 256 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-21"/>
        <source>must be from %1 to %2</source>
        <extracomment>%1 and %2 are numbers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>contains characters that are not valid Unicode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is too large to store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>choose the call&apos;s status before logging it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>This call is being logged already; wait for HubSpot&apos;s answer before logging it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no such call in the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-226"/>
        <source>HubSpot needs the number that was called: enter your own number in Settings (Calls), or let the softphone send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+181"/>
        <source>use 1 to %1 digits</source>
        <extracomment>%1 is a number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a whole number from 1 to %1</source>
        <extracomment>%1 is a number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>needs a time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not a known two-letter country code such as US, DE or GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>wrong type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-36"/>
        <source>expected %1</source>
        <extracomment>%1 is a Python type name, e.g. int</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>must be an https:// URL (http only for loopback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-39"/>
        <source>must be one of %1</source>
        <extracomment>%1 is a list of choices</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>must be a positive 32-bit number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be positive 32-bit user ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <source>must be HOST:PORT strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a port from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>must be a port from 1024 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-12"/>
        <source>must be from 1 to 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>must be from 0 to 3600 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>has an unclosed quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must name a program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>must be an ISO date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-26"/>
        <source>must be at most %1 portal keys of 1-%2 visible characters without spaces</source>
        <extracomment>%1 and %2 are numbers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>must be 1-%1 visible characters without spaces</source>
        <extracomment>%1 is a number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>must not contain spaces or control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-145"/>
        <source>is empty; paste the whole token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is longer than %1 characters, so it is not a token</source>
        <extracomment>%1 is a number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains spaces or line breaks; copy the token again without them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains control characters or characters a token cannot have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is empty; delete the entry instead of saving nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is longer than %1 characters</source>
        <extracomment>%1 is a number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+140"/>
        <source>not HOST:PORT, e.g. 127.0.0.1:4444</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>needs a port from 1 to 65535, e.g. 127.0.0.1:4444</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paste a token first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>HubSpot did not answer in time. Check that this computer is online; calls wait in the queue until HubSpot answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not reach HubSpot. Check that this computer is online; calls wait in the queue until HubSpot can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HubSpot refused the call because of %1. Correct it and log the call again.</source>
        <extracomment>%1 names what HubSpot found wrong, e.g. &quot;the caller&apos;s number, the duration&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageAction</name>
    <message>
        <location line="+92"/>
        <source>open</source>
        <extracomment>An action as a noun phrase; it is read in &quot;while %1&quot;, &quot;to %1&quot;: German &quot;Öffnen&quot; (beim Öffnen), &quot;Lesen eines Geheimnisses&quot;, &quot;Erneuern des Zugriffstokens&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read a secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>save a secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete a secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>save the access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete the access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refresh the access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the connection&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finish connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoke the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hang up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageApiField</name>
    <message>
        <location line="-99"/>
        <source>the caller&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the number that was called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your HubSpot user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>the status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>the notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the call&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a detail of the call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageField</name>
    <message>
        <location line="+6"/>
        <source>default country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubSpot user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webhook port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>baresip addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API path version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log untouched calls after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log missed calls after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call back command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call back link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requests per 10 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portal id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipient_user_ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webhook_port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>baresip_endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>api_base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>api_version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto_log_seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>portal_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+39"/>
        <source>portals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MissedCalls</name>
    <message numerus="yes">
        <location filename="../../hubcall_desktop/ui/presenters/missed_calls.py" line="+157"/>
        <source>%n missed call(s)</source>
        <translation>
            <numerusform>%n missed call</numerusform>
            <numerusform>%n missed calls</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The call back command could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No softphone is set up to open %1 links.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MissedCallsWindow</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/missed_calls.py" line="+41"/>
        <location line="+9"/>
        <source>Missed calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call the selected caller back (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n missed call(s) since you last looked.</source>
        <translation>
            <numerusform>%n missed call since you last looked.</numerusform>
            <numerusform>%n missed calls since you last looked.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No missed calls since you last looked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberStep</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/setup_guide.py" line="+38"/>
        <source>Your phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number callers dial to reach you. HubSpot needs it with every call HubCall Desktop logs; leave it empty if your softphone sends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Default country for phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your own phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeCombo</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/outcome_combo.py" line="+43"/>
        <source>Call outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What came of the call, as your HubSpot portal lists it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneField</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/phone_field.py" line="+32"/>
        <source>Number check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Any format: +49 30 1234567, (212) 555-0143, 0049…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneNumberType</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/i18n.py" line="+12"/>
        <source>fixed line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fixed line or mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>premium rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shared cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>toll free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>universal access number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VoIP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PopupManager</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/popup_stack.py" line="+128"/>
        <source>This call could not be recorded, so it is not in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/settings_dialog.py" line="+62"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Default country for phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your own phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your HubSpot user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default recipient user ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User ids, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log untouched calls automatically after seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+16"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+16"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Default &amp;country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your HubSpot &amp;user id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;recipients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log untouched calls after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log missed calls automatically after seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link used to call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Command that calls back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. baresip-dial {number}; empty: open the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log &amp;missed calls after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back co&amp;mmand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show a &amp;pop-up when a call rings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play a &amp;sound with notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Do not disturb (no pop-ups or notifications; calls are still journaled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start &amp;minimised to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start at &amp;login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting at login is not supported on this system yet. Add HubCall Desktop to your system&apos;s login items by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language shows after HubCall Desktop restarts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupGuide</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/setup_guide.py" line="+93"/>
        <source>&amp;Skip set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the guide; Help → Set-up guide opens it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Set up HubCall Desktop – step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupGuidePresenter</name>
    <message>
        <location filename="../../hubcall_desktop/ui/presenters/setup_guide.py" line="+173"/>
        <source>HubCall Desktop is still starting; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Do not disturb is on, so no pop-up shows. Turn it off (Options menu), then ring again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pop-ups are turned off. Turn them on in Settings (Notifications), then ring again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Test call from HubCall Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ringing: the pop-up is in the corner of your screen; answer and hang up there. This test call stays on this computer and is never logged in HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SoftphonePage</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/softphone_page.py" line="+34"/>
        <source>Ringing (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ringing (command)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered (command)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended (command)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Listen for softphone events on this computer (webhook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Webhook port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baresip control addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 127.0.0.1:4444, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webhook &amp;port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;baresip:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect your softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes here take effect after HubCall Desktop restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The webhook is not running, so there is nothing to copy yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SoftphoneStep</name>
    <message>
        <location filename="../../hubcall_desktop/ui/windows/setup_guide.py" line="-94"/>
        <source>Your softphone, and a test ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell HubCall Desktop about your calls, then ring a test call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Three ways: a softphone that opens a web address on each call (copy the addresses below into its settings), baresip (enter its control address), or a script or phone system that runs a command (copy a command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test &amp;ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ring a test call here to see the pop-up; it is never logged in HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A test call rings here so you see the pop-up. It is never logged in HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test ring result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusCombo</name>
    <message>
        <location filename="../../hubcall_desktop/ui/widgets/status_combo.py" line="+50"/>
        <source>More…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statuses of calls that have not ended yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <location filename="../../hubcall_desktop/ui/text/i18n.py" line="-35"/>
        <source>Not logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withheld, kept here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs the called number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discarded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../hubcall_desktop/ui/desktop/tray.py" line="+109"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected to HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n missed call(s)</source>
        <translation>
            <numerusform>%n missed call</numerusform>
            <numerusform>%n missed calls</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Simulate &amp;incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recent calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No calls yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapUps</name>
    <message numerus="yes">
        <location filename="../../hubcall_desktop/ui/presenters/wrap_ups.py" line="+73"/>
        <source>%n call(s) were cut off when HubCall Desktop stopped: check the status, then log or discard them.</source>
        <translation>
            <numerusform>%n call was cut off when HubCall Desktop stopped: check the status, then log or discard it.</numerusform>
            <numerusform>%n calls were cut off when HubCall Desktop stopped: check the status, then log or discard them.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Calls cut off by a stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n call(s) need a status before they are logged. Click to wrap them up.</source>
        <translation>
            <numerusform>%n call needs a status before it is logged. Click to wrap it up.</numerusform>
            <numerusform>%n calls need a status before they are logged. Click to wrap them up.</numerusform>
        </translation>
    </message>
</context>
</TS>
