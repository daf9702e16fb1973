<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivityLog</name>
    <message numerus="yes">
        <location filename="../app/activity/ActivityLog.cpp" line="124"/>
        <source>%n request(s) were not logged: the router served them faster than the activity log could write</source>
        <translation>
            <numerusform>%n request was not logged: the router served it faster than the activity log could write</numerusform>
            <numerusform>%n requests were not logged: the router served them faster than the activity log could write</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message numerus="yes">
        <location filename="../ui/activity/ActivityPage.cpp" line="187"/>
        <source>· %n more than the view keeps (see the log)</source>
        <translation>
            <numerusform>· %n more than the view keeps (see the log)</numerusform>
            <numerusform>· %n more than the view keeps (see the log)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/activity/ActivityPage.cpp" line="190"/>
        <source>· %n request(s) not kept in the log: it could not write them in time (the Usage page counts them)</source>
        <translation>
            <numerusform>· %n request not kept in the log: it could not write it in time (the Usage page counts it)</numerusform>
            <numerusform>· %n requests not kept in the log: it could not write them in time (the Usage page counts them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/activity/ActivityPage.cpp" line="215"/>
        <source>Exporting %n request(s)…</source>
        <translation>
            <numerusform>Exporting %n request…</numerusform>
            <numerusform>Exporting %n requests…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FailoverSession</name>
    <message numerus="yes">
        <location filename="../router/routing/FailoverSession.cpp" line="790"/>
        <source>All %n attempt(s) failed. The last: %1</source>
        <translation>
            <numerusform>The only attempt failed: %1</numerusform>
            <numerusform>All %n attempts failed. The last: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyFilterDialog</name>
    <message numerus="yes">
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="180"/>
        <source>&lt;b&gt;Serves %n model(s)&lt;/b&gt; of the catalog:</source>
        <translation>
            <numerusform>&lt;b&gt;Serves %n model&lt;/b&gt; of the catalog:</numerusform>
            <numerusform>&lt;b&gt;Serves %n models&lt;/b&gt; of the catalog:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeySummary</name>
    <message numerus="yes">
        <location filename="../ui/keys/KeySummary.cpp" line="38"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/keys/KeySummary.cpp" line="40"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/keys/KeySummary.cpp" line="42"/>
        <source>%n local key(s)</source>
        <translation>
            <numerusform>%n local key</numerusform>
            <numerusform>%n local keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/LogCommands.cpp" line="34"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="243"/>
        <source>%n provider key(s) stored.</source>
        <translation>
            <numerusform>%n provider key stored.</numerusform>
            <numerusform>%n provider keys stored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="246"/>
        <source>%n key(s) have no secret in the keychain any more.</source>
        <translation>
            <numerusform>%n key has no secret in the keychain any more.</numerusform>
            <numerusform>%n keys have no secret in the keychain any more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutePreviewPage</name>
    <message numerus="yes">
        <location filename="../ui/route/RoutePreviewPage.cpp" line="132"/>
        <source>A request for “%1” would be tried on %n key(s).</source>
        <translation>
            <numerusform>A request for “%1” would be tried on %n key.</numerusform>
            <numerusform>A request for “%1” would be tried on %n keys.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/ServeCommand.cpp" line="73"/>
        <source>Skipping %n key(s) until the keychain gives their secrets (asked again every %1 s): %2</source>
        <translation>
            <numerusform>Skipping %n key until the keychain gives its secret (asked again every %1 s): %2</numerusform>
            <numerusform>Skipping %n keys until the keychain gives their secrets (asked again every %1 s): %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/ServeCommand.cpp" line="79"/>
        <source>%1 of %n key(s) have no secret in the keychain and are skipped.</source>
        <translation>
            <numerusform>%1 of %n key has no secret in the keychain and is skipped.</numerusform>
            <numerusform>%1 of %n keys have no secret in the keychain and are skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierListModel</name>
    <message numerus="yes">
        <location filename="../ui/keys/TierListModel.cpp" line="90"/>
        <source>%n request(s) this month</source>
        <translation>
            <numerusform>%n request this month</numerusform>
            <numerusform>%n requests this month</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsagePage</name>
    <message numerus="yes">
        <location filename="../ui/usage/UsagePage.cpp" line="96"/>
        <source>%n request(s) of this period are not in the activity log: it could not write them in time. Their use is counted above.</source>
        <translation>
            <numerusform>%n request of this period is not in the activity log: it could not write it in time. Its use is counted above.</numerusform>
            <numerusform>%n requests of this period are not in the activity log: it could not write them in time. Their use is counted above.</numerusform>
        </translation>
    </message>
</context>
</TS>
