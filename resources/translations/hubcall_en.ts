<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AppController</name>
        <message>
            <location filename="../../hubcall_desktop/ui/controller.py" line="+173" />
            <source>No system tray was found: HubCall Desktop runs as a normal window, and closing it quits.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+87" />
            <source>Calls are journaled, nothing pops up.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n call(s) waiting to be logged</source>
            <translation>
                <numerusform>%n call waiting to be logged</numerusform>
                <numerusform>%n calls waiting to be logged</numerusform>
            </translation>
        </message>
        <message>
            <location line="+50" />
            <source>Quit HubCall Desktop</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n call(s) are still waiting to be logged. They stay queued and are sent the next time HubCall Desktop runs.</source>
            <translation>
                <numerusform>%n call is still waiting to be logged. It stays queued and is sent the next time HubCall Desktop runs.</numerusform>
                <numerusform>%n calls are still waiting to be logged. They stay queued and are sent the next time HubCall Desktop runs.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallDialog</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/call_dialog.py" line="+60" />
            <source>Number:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Started:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Source:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Duration:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>HubSpot:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Call status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Call title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Title:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Notes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <location line="+42" />
            <source>&amp;Log call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-39" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+19" />
            <source>Call %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>not known</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>&amp;Resend</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallNotices</name>
        <message>
            <location filename="../../hubcall_desktop/ui/call_notices.py" line="+50" />
            <source>Could not log a call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>Incoming call</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallPopup</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/popup.py" line="+84" />
            <source>Incoming call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+30" />
            <source>Close the pop-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Close (the call stays in the history)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>Call duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Hang up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Call status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Call title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Optional</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Title:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Notes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>What was the call about?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Discard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Keep the call here, do not log it (Ctrl+D)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Log call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Log the call in HubSpot (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+34" />
            <source>Caller number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>From an earlier call; asking HubSpot…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Unknown caller: HubSpot has no contact or company with this number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Asking HubSpot who is calling…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Could not ask HubSpot: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+35" />
            <source>Incoming call · %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Call in progress · %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Call ended · %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>Talking %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Talked %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallSource</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="+70" />
            <source>Softphone (webhook)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Command line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>baresip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Logged by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Demo</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallStatus</name>
        <message>
            <location line="-35" />
            <source>Busy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Calling CRM user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Canceled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Connecting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>On hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>In progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Missed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>No answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../../hubcall_desktop/ui/dialogs.py" line="+74" />
            <source>HubCall Desktop is still starting; try again in a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+161" />
            <source>Demo mode uses the sandbox's token; nothing is saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <location line="+44" />
            <source>Asking HubSpot…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-17" />
            <source>Connected with a private app token.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Connected with OAuth.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Using the token from HUBCALL_ACCESS_TOKEN.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Direction</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="+14" />
            <source>Inbound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Outbound</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <location filename="../../hubcall_desktop/ui/formatting.py" line="+21" />
            <source>Withheld number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>No number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>%1 +%2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <location filename="../../hubcall_desktop/ui/models/history_model.py" line="+154" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Direction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>HubSpot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+129" />
            <source>In progress</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InputError</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="+29" />
            <source>enter a phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>the caller's number is withheld</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>an internal extension, not a public phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>not a phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>too short to be a phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>too long to be a phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>too short after the international prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>no country code and no default country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>contains control characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>must not be negative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>is in the future</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>user ids are whole numbers, separated by commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+37" />
            <source>not a valid phone number (read as %1)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogCallForm</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/log_form.py" line="+70" />
            <source>Log a call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>From number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>To number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Extension</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Final status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Start date and time (local time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Duration in hours, minutes and seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Your HubSpot user id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Recipient user ids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>User ids, separated by commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Create a call &amp;engagement in HubSpot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;From:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;To:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;xtension:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>St&amp;arted (local time):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Duration (h:mm:ss):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>T&amp;itle:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Notes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;User id:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Recipients:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+39" />
            <source>&amp;New call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Log call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+130" />
            <source>Logging the call…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>Logged in HubSpot. HubSpot matched:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Logged in HubSpot. HubSpot has no contact or company with this number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>HubSpot has not answered yet. The call is queued and will be logged automatically; see the history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>HubSpot refused the call.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>HubSpot refused the call; see the marked field.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/main_window.py" line="+46" />
            <source>All calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Not logged yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Logged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Kept here only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+30" />
            <source>HubCall Desktop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+95" />
            <source>Demo mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Calls go to a local HubSpot sandbox, not to HubSpot. Ring yourself:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <location line="+9" />
            <source>Simulate &amp;incoming call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-103" />
            <source>Call in progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Go to &amp;pop-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Ctrl+Shift+P</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Search numbers, names, notes (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Search the call history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Show calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Call history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+81" />
            <source>&amp;Calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Log a call…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Go to the call &amp;pop-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Find in history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Refresh history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Close window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Options</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Do not disturb</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>No call in progress.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>talking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>ringing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Token: not checked yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Token OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>No token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Token refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>HubSpot: not contacted yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>HubSpot reachable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>HubSpot unreachable</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n pending</source>
            <translation>
                <numerusform>%n pending</numerusform>
                <numerusform>%n pending</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Listening: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>No call source listening</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+24" />
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
            <location filename="../../hubcall_desktop/ui/widgets/match_list.py" line="+81" />
            <source>Open in HubSpot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Open %1 in HubSpot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Company</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PhoneField</name>
        <message>
            <location filename="../../hubcall_desktop/ui/widgets/phone_field.py" line="+31" />
            <source>Number check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+40" />
            <source>Any format: +49 30 1234567, (212) 555-0143, 0049…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PhoneNumberType</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="-65" />
            <source>fixed line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>fixed line or mobile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>mobile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>pager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>personal number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>premium rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>shared cost</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>toll free</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>universal access number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>unknown type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>voicemail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>VoIP</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../hubcall_desktop/ui/windows/settings_dialog.py" line="+60" />
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>&amp;HubSpot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;General</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>Private app access token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Paste a private app token (pat-…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-2" />
            <source>&amp;Save token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-25" />
            <source>&amp;Softphone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+43" />
            <source>Access to&amp;ken:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Portal id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>HubSpot domain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Portal id:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>HubSpot domain:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Advanced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>API base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>API path version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>API &amp;base URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>API path &amp;version:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Changes here take effect after HubCall Desktop restarts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Default country for phone numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Your own phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Your HubSpot user id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Default recipient user ids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>User ids, separated by commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Log untouched calls automatically after seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Default &amp;country:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Your &amp;number:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Your HubSpot &amp;user id:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Default &amp;recipients:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Log untouched calls after:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Show a &amp;pop-up when a call rings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Play a &amp;sound with notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Do not disturb (no pop-ups or notifications; calls are still journaled)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Start &amp;minimised to the tray</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Start at &amp;login</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Starting at login is not supported on this system yet. Add HubCall Desktop to your system's login items by hand.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>System default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>A new language shows after HubCall Desktop restarts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>not known yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+59" />
            <source>Connected to portal %1 (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Paste the token first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Token saved in the system keyring.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SoftphonePage</name>
        <message>
            <location filename="../../hubcall_desktop/ui/widgets/softphone_page.py" line="+30" />
            <source>&amp;Listen for softphone events on this computer (webhook)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Webhook port</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>baresip control addresses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 127.0.0.1:4444, separated by commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Webhook &amp;port:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;baresip:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Connect your softphone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Changes here take effect after HubCall Desktop restarts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>The webhook is not running, so there is nothing to copy yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Copy %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncState</name>
        <message>
            <location filename="../../hubcall_desktop/ui/i18n.py" line="-34" />
            <source>Not logged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Sending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Logged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Withheld, kept here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Discarded</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <location filename="../../hubcall_desktop/ui/tray.py" line="+95" />
            <source>Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Not connected to HubSpot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Do not disturb</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Show window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Go to the call &amp;pop-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Log a call…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Simulate &amp;incoming call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Do not disturb</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Recent calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>No calls yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>S&amp;ettings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
