<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessPage</name>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="30"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="34"/>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="52"/>
        <source>Local API keys</source>
        <translation>Lokale API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="54"/>
        <source>Tools present one of these to the router instead of a provider key. Each belongs to a member and a workspace.</source>
        <translation>Werkzeuge übermitteln dem Router einen dieser Schlüssel anstelle eines Anbieterschlüssels. Jeder gehört zu einem Mitglied und einem Arbeitsbereich.</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="73"/>
        <source>Create a local API key and show it once</source>
        <translation>Einen lokalen API-Schlüssel erstellen und einmalig anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="73"/>
        <source>Cr&amp;eate…</source>
        <translation>&amp;Erstellen…</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="74"/>
        <source>&amp;Show token…</source>
        <translation>&amp;Token anzeigen…</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="74"/>
        <source>Read the selected token from the keychain and show it</source>
        <translation>Das ausgewählte Token aus dem Schlüsselbund lesen und anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="76"/>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="76"/>
        <source>The selected token stops working at once</source>
        <translation>Das ausgewählte Token wird sofort ungültig</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="95"/>
        <source>New name</source>
        <translation>Neuer Name</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="96"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="97"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="176"/>
        <source>Show token</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="177"/>
        <source>Show this token in full? Anyone who sees it can use your provider keys through the router.</source>
        <translation>Dieses Token vollständig anzeigen? Wer es sieht, kann Ihre Anbieterschlüssel über den Router nutzen.</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="195"/>
        <source>Revoke token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <location filename="../ui/access/AccessPage.cpp" line="196"/>
        <source>Revoke this token? Tools that use it are refused from now on.</source>
        <translation>Dieses Token widerrufen? Werkzeuge, die es verwenden, werden ab sofort abgewiesen.</translation>
    </message>
</context>
<context>
    <name>AccessStore</name>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="33"/>
        <source>There is no member named &quot;%1&quot;.</source>
        <translation>Es gibt kein Mitglied namens „%1“.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="35"/>
        <source>There is no member with id %1.</source>
        <translation>Es gibt kein Mitglied mit der ID %1.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="37"/>
        <source>A member named &quot;%1&quot; already exists.</source>
        <translation>Ein Mitglied namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="40"/>
        <source>&quot;%1&quot; is the default member and cannot be removed.</source>
        <translation>„%1“ ist das Standardmitglied und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="53"/>
        <source>There is no workspace named &quot;%1&quot;.</source>
        <translation>Es gibt keinen Arbeitsbereich namens „%1“.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="55"/>
        <source>There is no workspace with id %1.</source>
        <translation>Es gibt keinen Arbeitsbereich mit der ID %1.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="57"/>
        <source>A workspace named &quot;%1&quot; already exists.</source>
        <translation>Ein Arbeitsbereich namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="60"/>
        <source>&quot;%1&quot; is the default workspace and cannot be removed.</source>
        <translation>„%1“ ist der Standardarbeitsbereich und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="197"/>
        <source>&quot;%1&quot; still owns active local API keys (%2) or is named in key filters (%3). Revoke and edit those first; removing the member would silently widen what those keys allow.</source>
        <translation>„%1“ besitzt noch aktive lokale API-Schlüssel (%2) oder wird in Schlüsselfiltern genannt (%3). Widerrufen bzw. bearbeiten Sie diese zuerst; das Entfernen des Mitglieds würde stillschweigend erweitern, was diese Schlüssel erlauben.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="220"/>
        <source>The workspace &quot;%1&quot; still holds %2 provider keys and %3 active local API keys, and %4 key filters name its local keys. Move, revoke or edit those first.</source>
        <translation>Der Arbeitsbereich „%1“ enthält noch %2 Anbieterschlüssel und %3 aktive lokale API-Schlüssel, und %4 Schlüsselfilter nennen seine lokalen Schlüssel. Verschieben, widerrufen oder bearbeiten Sie diese zuerst.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="291"/>
        <source>There is no local API key with id %1.</source>
        <translation>Es gibt keinen lokalen API-Schlüssel mit der ID %1.</translation>
    </message>
    <message>
        <location filename="../app/store/AccessStore.cpp" line="298"/>
        <source>No local API key has this token.</source>
        <translation>Kein lokaler API-Schlüssel hat dieses Token.</translation>
    </message>
</context>
<context>
    <name>ActivityArchive</name>
    <message>
        <location filename="../app/activity/ActivityArchive.cpp" line="285"/>
        <source>The activity log could not be used. %1</source>
        <translation>Das Aktivitätsprotokoll konnte nicht verwendet werden. %1</translation>
    </message>
</context>
<context>
    <name>ActivityExport</name>
    <message>
        <location filename="../app/activity/ActivityExport.cpp" line="63"/>
        <location filename="../app/activity/ActivityExport.cpp" line="67"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ActivityLog</name>
    <message numerus="yes">
        <location filename="../app/activity/ActivityLog.cpp" line="124"/>
        <source>%n request(s) were not logged: the router served them faster than the activity log could write</source>
        <translation>
            <numerusform>%n Anfrage wurde nicht protokolliert: Der Router hat sie schneller bearbeitet, als das Aktivitätsprotokoll schreiben konnte</numerusform>
            <numerusform>%n Anfragen wurden nicht protokolliert: Der Router hat sie schneller bearbeitet, als das Aktivitätsprotokoll schreiben konnte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="92"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="98"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="116"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="118"/>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="120"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="122"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="124"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="126"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="128"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="130"/>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityModel.cpp" line="132"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="64"/>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="85"/>
        <source>All requests</source>
        <translation>Alle Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="86"/>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="87"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="88"/>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="101"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="102"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="103"/>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="106"/>
        <location filename="../ui/activity/ActivityPage.cpp" line="111"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="107"/>
        <source>Stop the list from moving; what arrives meanwhile is shown on resume</source>
        <translation>Die Liste anhalten; was in der Zwischenzeit eintrifft, wird beim Fortsetzen angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="111"/>
        <source>Resu&amp;me</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/activity/ActivityPage.cpp" line="187"/>
        <source>· %n more than the view keeps (see the log)</source>
        <translation>
            <numerusform>· %n weitere, mehr als die Ansicht behält (siehe Protokoll)</numerusform>
            <numerusform>· %n weitere, mehr als die Ansicht behält (siehe Protokoll)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="118"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="119"/>
        <source>Save the rows shown to a CSV or JSON file</source>
        <translation>Die angezeigten Zeilen in einer CSV- oder JSON-Datei speichern</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="182"/>
        <source>%1 of %2 requests shown</source>
        <translation>%1 von %2 Anfragen angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="184"/>
        <source>· paused, %1 waiting</source>
        <translation>· pausiert, %1 ausstehend</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/activity/ActivityPage.cpp" line="190"/>
        <source>· %n request(s) not kept in the log: it could not write them in time (the Usage page counts them)</source>
        <translation>
            <numerusform>· %n Anfrage nicht im Protokoll behalten: Es konnte sie nicht rechtzeitig schreiben (die Seite „Nutzung“ zählt sie)</numerusform>
            <numerusform>· %n Anfragen nicht im Protokoll behalten: Es konnte sie nicht rechtzeitig schreiben (die Seite „Nutzung“ zählt sie)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="199"/>
        <source>Export requests</source>
        <translation>Anfragen exportieren</translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="200"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/activity/ActivityPage.cpp" line="215"/>
        <source>Exporting %n request(s)…</source>
        <translation>
            <numerusform>%n Anfrage wird exportiert…</numerusform>
            <numerusform>%n Anfragen werden exportiert…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnthropicToConverse</name>
    <message>
        <location filename="../router/translate/AnthropicToConverse.cpp" line="28"/>
        <source>Amazon Bedrock takes images as base64 PNG, JPEG, GIF or WebP.</source>
        <translation>Amazon Bedrock nimmt Bilder als Base64-PNG, -JPEG, -GIF oder -WebP an.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToConverse.cpp" line="72"/>
        <source>A &quot;%1&quot; block cannot be sent to Amazon Bedrock.</source>
        <translation>Ein „%1“-Block kann nicht an Amazon Bedrock gesendet werden.</translation>
    </message>
</context>
<context>
    <name>AnthropicToGemini</name>
    <message>
        <location filename="../router/translate/AnthropicToGemini.cpp" line="73"/>
        <source>Google Gemini takes images as base64 data or a URL.</source>
        <translation>Google Gemini nimmt Bilder als Base64-Daten oder als URL an.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToGemini.cpp" line="85"/>
        <source>Google Gemini takes documents as base64 PDF or plain text.</source>
        <translation>Google Gemini nimmt Dokumente als Base64-PDF oder als reinen Text an.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToGemini.cpp" line="103"/>
        <source>A tool result answers the tool call &quot;%1&quot;, which is not in the conversation.</source>
        <translation>Ein Werkzeugergebnis antwortet auf den Werkzeugaufruf „%1“, der nicht in der Unterhaltung steht.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToGemini.cpp" line="111"/>
        <source>A tool result with an image or document cannot be sent to Google Gemini.</source>
        <translation>Ein Werkzeugergebnis mit einem Bild oder Dokument kann nicht an Google Gemini gesendet werden.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToGemini.cpp" line="143"/>
        <source>A &quot;%1&quot; block cannot be sent to Google Gemini.</source>
        <translation>Ein „%1“-Block kann nicht an Google Gemini gesendet werden.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToGemini.cpp" line="154"/>
        <location filename="../router/translate/AnthropicToGemini.cpp" line="158"/>
        <source>A message&apos;s content must be text or a list of blocks.</source>
        <translation>Der Inhalt einer Nachricht muss Text oder eine Liste von Blöcken sein.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToGemini.cpp" line="194"/>
        <source>Each message needs the role &quot;user&quot; or &quot;assistant&quot;.</source>
        <translation>Jede Nachricht braucht die Rolle „user“ oder „assistant“.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToGemini.cpp" line="312"/>
        <source>The request has no messages.</source>
        <translation>Die Anfrage enthält keine Nachrichten.</translation>
    </message>
</context>
<context>
    <name>AnthropicToOpenAi</name>
    <message>
        <location filename="../router/translate/AnthropicToOpenAi.cpp" line="33"/>
        <source>An image given as &quot;%1&quot; cannot be sent to an OpenAI-format provider.</source>
        <translation>Ein als „%1“ angegebenes Bild kann nicht an einen Anbieter im OpenAI-Format gesendet werden.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToOpenAi.cpp" line="74"/>
        <source>A tool result with an image or document cannot be sent to an OpenAI-format provider.</source>
        <translation>Ein Werkzeugergebnis mit Bild oder Dokument kann nicht an einen Anbieter im OpenAI-Format gesendet werden.</translation>
    </message>
    <message>
        <location filename="../router/translate/AnthropicToOpenAi.cpp" line="88"/>
        <source>A &quot;%1&quot; block cannot be sent to an OpenAI-format provider.</source>
        <translation>Ein „%1“-Block kann nicht an einen Anbieter im OpenAI-Format gesendet werden.</translation>
    </message>
</context>
<context>
    <name>AppCore</name>
    <message>
        <location filename="../app/AppCore.cpp" line="168"/>
        <location filename="../app/AppCore.cpp" line="373"/>
        <source>The router has not started yet.</source>
        <translation>Der Router wurde noch nicht gestartet.</translation>
    </message>
    <message>
        <location filename="../app/AppCore.cpp" line="273"/>
        <source>Keyway has not opened its database.</source>
        <translation>Keyway hat seine Datenbank nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../app/AppCore.cpp" line="324"/>
        <source>Keyway is closing.</source>
        <translation>Keyway wird beendet.</translation>
    </message>
    <message>
        <location filename="../app/AppCore.cpp" line="378"/>
        <source>The activity log could not be read.</source>
        <translation>Das Aktivitätsprotokoll konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>CaCertificates</name>
    <message>
        <location filename="../router/http/CaCertificates.cpp" line="20"/>
        <source>The CA file %1 does not exist or cannot be read.</source>
        <translation>Die CA-Datei %1 existiert nicht oder kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../router/http/CaCertificates.cpp" line="26"/>
        <source>The CA file %1 holds no certificate in PEM or DER form.</source>
        <translation>Die CA-Datei %1 enthält kein Zertifikat im PEM- oder DER-Format.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/cli/Cli.cpp" line="45"/>
        <source>Keyway %1 — keeps your LLM provider keys in the OS keychain and routes requests over them.

Usage: keyway [--database FILE] [COMMAND]

Without a command, the window opens.

Commands:
  key add|list|edit|move|test|remove  provider keys, in the order they are tried
  token create|list|revoke|reveal   local API keys that tools present
  route explain --model M           the keys a request would be tried on, and why
  model list|add|alias|remove       the model catalog: ids, names, prices
  serve --headless [--port N]       the router without the window
  log tail [--follow] [--json]      the latest requests and their attempts
  member add|list|remove            people and agents who own local API keys
  workspace add|list|remove         separate sets of keys
  settings list|get|set|reset       port, bind address, timeouts, budgets, retention

Run &quot;keyway COMMAND VERB --help&quot; for the options of one command.

Options:
  --database FILE   the database to use (default: %2; or $KEYWAY_DATABASE)
  -h, --help        show this help
  -v, --version     show the version

Secrets are read from standard input (--secret-stdin) or asked for without echo,
never taken from the command line.

Exit codes: 0 success, 2 wrong arguments or input, 3 database problem,
4 keychain problem, 5 &quot;key test&quot; found the key not working.
</source>
        <translation>Keyway %1 – verwahrt Ihre LLM-Anbieterschlüssel im Schlüsselbund des Betriebssystems und routet Anfragen darüber.

Aufruf: keyway [--database DATEI] [BEFEHL]

Ohne Befehl öffnet sich das Fenster.

Befehle:
  key add|list|edit|move|test|remove  Anbieterschlüssel, in der Reihenfolge der Versuche
  token create|list|revoke|reveal   lokale API-Schlüssel für Werkzeuge
  route explain --model M           welche Schlüssel eine Anfrage nutzen würde, und warum
  model list|add|alias|remove       der Modellkatalog: IDs, Namen, Preise
  serve --headless [--port N]       der Router ohne Fenster
  log tail [--follow] [--json]      die letzten Anfragen und ihre Versuche
  member add|list|remove            Personen und Agenten mit lokalen API-Schlüsseln
  workspace add|list|remove         getrennte Gruppen von Schlüsseln
  settings list|get|set|reset       Port, Bind-Adresse, Zeitlimits, Budgets, Aufbewahrung

Die Optionen eines Befehls zeigt „keyway BEFEHL VERB --help“.

Optionen:
  --database DATEI  die zu verwendende Datenbank (Standard: %2; oder $KEYWAY_DATABASE)
  -h, --help        diese Hilfe anzeigen
  -v, --version     die Version anzeigen

Geheimnisse werden von der Standardeingabe gelesen (--secret-stdin) oder ohne Echo
abgefragt, niemals von der Befehlszeile übernommen.

Exit-Codes: 0 Erfolg, 2 falsche Argumente oder Eingaben, 3 Datenbankproblem,
4 Schlüsselbundproblem, 5 „key test“ fand den Schlüssel nicht funktionsfähig.
</translation>
    </message>
    <message>
        <location filename="../app/cli/Cli.cpp" line="104"/>
        <source>--database needs a file name.</source>
        <translation>--database benötigt einen Dateinamen.</translation>
    </message>
    <message>
        <location filename="../app/cli/Cli.cpp" line="136"/>
        <source>Unknown command &quot;%1&quot;. Run &quot;keyway --help&quot;.</source>
        <translation>Unbekannter Befehl „%1“. Siehe „keyway --help“.</translation>
    </message>
    <message>
        <location filename="../app/cli/CliContext.cpp" line="48"/>
        <source>%1 (--%2)</source>
        <translation>%1 (--%2)</translation>
    </message>
    <message>
        <location filename="../app/cli/CliContext.cpp" line="50"/>
        <source>keyway: %1</source>
        <translation>keyway: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/CliContext.cpp" line="86"/>
        <source>See &quot;keyway %1 --help&quot;.</source>
        <translation>Siehe „keyway %1 --help“.</translation>
    </message>
    <message>
        <location filename="../app/cli/CliContext.cpp" line="102"/>
        <source>Give the id of one %1 (a number, see the list command).</source>
        <translation>Geben Sie die ID eines %1 an (eine Zahl, siehe den Befehl „list“).</translation>
    </message>
    <message>
        <location filename="../app/cli/CliContext.cpp" line="117"/>
        <source>keyway: unknown verb &quot;%1&quot;.</source>
        <translation>keyway: unbekanntes Verb „%1“.</translation>
    </message>
    <message>
        <location filename="../app/cli/CliContext.cpp" line="119"/>
        <source>Usage: keyway %1 VERB [OPTIONS]</source>
        <translation>Aufruf: keyway %1 VERB [OPTIONEN]</translation>
    </message>
    <message>
        <location filename="../app/cli/CliContext.cpp" line="124"/>
        <source>Run &quot;keyway %1 VERB --help&quot; for its options.</source>
        <translation>Die Optionen eines Verbs zeigt „keyway %1 VERB --help“.</translation>
    </message>
</context>
<context>
    <name>CostText</name>
    <message>
        <location filename="../ui/CostText.cpp" line="12"/>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message>
        <location filename="../ui/usage/DailyChart.cpp" line="11"/>
        <source>Requests per day, and those that needed a failover</source>
        <translation>Anfragen pro Tag und solche, die ein Failover benötigten</translation>
    </message>
    <message>
        <location filename="../ui/usage/DailyChart.cpp" line="58"/>
        <source>max %1 a day</source>
        <translation>max. %1 pro Tag</translation>
    </message>
    <message>
        <location filename="../ui/usage/DailyChart.cpp" line="65"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/usage/DailyChart.cpp" line="65"/>
        <source>Failed over</source>
        <translation>Mit Failover</translation>
    </message>
</context>
<context>
    <name>DirectoryCommands</name>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="81"/>
        <source>List every %1.</source>
        <translation>Alle Einträge vom Typ %1 auflisten.</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="82"/>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="85"/>
        <source>Add a %1.</source>
        <translation>Einen Eintrag vom Typ %1 hinzufügen.</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="86"/>
        <source>Remove a %1 nothing refers to.</source>
        <translation>Einen Eintrag vom Typ %1 entfernen, auf den nichts verweist.</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="88"/>
        <source>The %1&apos;s name.</source>
        <translation>Der Name des Eintrags vom Typ %1.</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="91"/>
        <source>add a %1</source>
        <translation>einen Eintrag vom Typ %1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="92"/>
        <source>list every %1</source>
        <translation>alle Einträge vom Typ %1 auflisten</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="94"/>
        <source>remove a %1 nothing refers to</source>
        <translation>einen Eintrag vom Typ %1 entfernen, auf den nichts verweist</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="115"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="115"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="123"/>
        <source>Give one %1 name.</source>
        <translation>Geben Sie genau einen Namen an (%1).</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="128"/>
        <source>Added %1 &quot;%2&quot;.</source>
        <translation>Hinzugefügt: %1 „%2“.</translation>
    </message>
    <message>
        <location filename="../app/cli/DirectoryCommands.cpp" line="136"/>
        <source>Removed %1 &quot;%2&quot;.</source>
        <translation>Entfernt: %1 „%2“.</translation>
    </message>
</context>
<context>
    <name>EventStreamDecoder</name>
    <message>
        <location filename="../router/codecs/EventStreamDecoder.cpp" line="184"/>
        <source>The provider&apos;s stream is corrupt (the checksum of a message&apos;s length fields does not match)</source>
        <translation>Der Stream des Anbieters ist beschädigt (die Prüfsumme der Längenangaben einer Nachricht stimmt nicht)</translation>
    </message>
    <message>
        <location filename="../router/codecs/EventStreamDecoder.cpp" line="191"/>
        <source>The provider&apos;s stream is corrupt (a message claims to be %1 bytes long)</source>
        <translation>Der Stream des Anbieters ist beschädigt (eine Nachricht gibt eine Länge von %1 Bytes an)</translation>
    </message>
    <message>
        <location filename="../router/codecs/EventStreamDecoder.cpp" line="196"/>
        <source>The provider&apos;s stream is corrupt (a message claims %1 bytes of headers)</source>
        <translation>Der Stream des Anbieters ist beschädigt (eine Nachricht gibt %1 Bytes an Headern an)</translation>
    </message>
    <message>
        <location filename="../router/codecs/EventStreamDecoder.cpp" line="207"/>
        <source>The provider&apos;s stream is corrupt (the checksum of a message does not match)</source>
        <translation>Der Stream des Anbieters ist beschädigt (die Prüfsumme einer Nachricht stimmt nicht)</translation>
    </message>
    <message>
        <location filename="../router/codecs/EventStreamDecoder.cpp" line="214"/>
        <source>The provider&apos;s stream is corrupt (a message&apos;s headers cannot be read)</source>
        <translation>Der Stream des Anbieters ist beschädigt (die Header einer Nachricht sind nicht lesbar)</translation>
    </message>
</context>
<context>
    <name>FailoverSession</name>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="269"/>
        <source>Keyway cannot call %1 keys yet</source>
        <translation>Keyway kann Schlüssel für %1 noch nicht verwenden</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="412"/>
        <source>The answer is larger than %1 MiB</source>
        <translation>Die Antwort ist größer als %1 MiB</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="470"/>
        <source>The stream ended before the answer was complete</source>
        <translation>Der Stream endete, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="498"/>
        <source>The provider&apos;s answer could not be read</source>
        <translation>Die Antwort des Anbieters konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="558"/>
        <source>No content within %1 s of the answer&apos;s headers</source>
        <translation>Kein Inhalt innerhalb von %1 s nach den Kopfzeilen der Antwort</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="657"/>
        <source>The provider&apos;s streamed answer could not be read</source>
        <translation>Die gestreamte Antwort des Anbieters konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="714"/>
        <source>The request&apos;s deadline of %1 s passed</source>
        <translation>Die Frist der Anfrage von %1 s ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="734"/>
        <location filename="../router/routing/FailoverSession.cpp" line="736"/>
        <source>The client closed the connection</source>
        <translation>Der Client hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="753"/>
        <source>The request&apos;s deadline passed before a key answered</source>
        <translation>Die Frist der Anfrage lief ab, bevor ein Schlüssel antwortete</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="760"/>
        <source>Every key for %1 is resting; the first is back in %2 s</source>
        <translation>Alle Schlüssel für %1 kühlen ab; der erste ist in %2 s wieder bereit</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="781"/>
        <source>No key for %1 is usable now</source>
        <translation>Derzeit ist kein Schlüssel für %1 nutzbar</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="784"/>
        <source>No key in this workspace serves the model %1 for this local key</source>
        <translation>Kein Schlüssel in diesem Arbeitsbereich bedient das Modell %1 für diesen lokalen Schlüssel</translation>
    </message>
    <message numerus="yes">
        <location filename="../router/routing/FailoverSession.cpp" line="790"/>
        <source>All %n attempt(s) failed. The last: %1</source>
        <translation>
            <numerusform>Der einzige Versuch ist fehlgeschlagen: %1</numerusform>
            <numerusform>Alle %n Versuche sind fehlgeschlagen. Der letzte: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="802"/>
        <source>it does not serve %1 for this local key</source>
        <translation>er bedient %1 für diesen lokalen Schlüssel nicht</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="807"/>
        <source>The previous response lives on the account of the key %1, which cannot serve this request: %2</source>
        <translation>Die vorherige Antwort liegt beim Konto des Schlüssels %1, der diese Anfrage nicht bedienen kann: %2</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="809"/>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <location filename="../router/routing/FailoverSession.cpp" line="809"/>
        <source>the key was removed</source>
        <translation>der Schlüssel wurde entfernt</translation>
    </message>
</context>
<context>
    <name>GeminiToAnthropic</name>
    <message>
        <location filename="../router/translate/GeminiToAnthropic.cpp" line="72"/>
        <source>A &quot;%1&quot; part cannot be sent to an Anthropic-format provider, which takes JPEG, PNG, GIF and WebP images, PDF and plain text.</source>
        <translation>Ein „%1“-Teil kann nicht an einen Anbieter im Anthropic-Format gesendet werden; dieser nimmt JPEG-, PNG-, GIF- und WebP-Bilder, PDF und reinen Text.</translation>
    </message>
    <message>
        <location filename="../router/translate/GeminiToAnthropic.cpp" line="118"/>
        <source>The file %1 is stored at Google, where an Anthropic-format provider cannot read it; send it inline (inlineData) or as a web address.</source>
        <translation>Die Datei %1 liegt bei Google, wo ein Anbieter im Anthropic-Format sie nicht lesen kann; senden Sie sie eingebettet (inlineData) oder als Webadresse.</translation>
    </message>
    <message>
        <location filename="../router/translate/GeminiToAnthropic.cpp" line="171"/>
        <source>The functionResponse of &quot;%1&quot; answers no functionCall of the model turn before it.</source>
        <translation>Die functionResponse von „%1“ beantwortet keinen functionCall des vorangehenden Modellzugs.</translation>
    </message>
    <message>
        <location filename="../router/translate/GeminiToAnthropic.cpp" line="278"/>
        <source>A content&apos;s role must be &quot;user&quot; or &quot;model&quot;, not &quot;%1&quot;.</source>
        <translation>Die Rolle eines Inhalts muss „user“ oder „model“ sein, nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../router/translate/GeminiToAnthropic.cpp" line="304"/>
        <source>The request has no contents.</source>
        <translation>Die Anfrage hat keine Inhalte.</translation>
    </message>
    <message>
        <location filename="../router/translate/GeminiToAnthropic.cpp" line="512"/>
        <source>A context cache (cachedContent) lives at Google; an Anthropic-format provider cannot read it. Send the cached contents in the request instead.</source>
        <translation>Ein Kontext-Cache (cachedContent) liegt bei Google; ein Anbieter im Anthropic-Format kann ihn nicht lesen. Senden Sie die zwischengespeicherten Inhalte stattdessen in der Anfrage.</translation>
    </message>
    <message>
        <location filename="../router/translate/GeminiToAnthropic.cpp" line="518"/>
        <source>Anthropic-format providers give one answer per request (candidateCount 1).</source>
        <translation>Anbieter im Anthropic-Format geben eine Antwort pro Anfrage (candidateCount 1).</translation>
    </message>
</context>
<context>
    <name>GoogleTokenFetch</name>
    <message>
        <location filename="../router/providers/google/GoogleTokenFetch.cpp" line="54"/>
        <source>Google&apos;s token endpoint did not answer: %1</source>
        <translation>Der Token-Endpunkt von Google hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <location filename="../router/providers/google/GoogleTokenFetch.cpp" line="84"/>
        <source>Google refused the service account (HTTP %1): %2</source>
        <translation>Google hat das Dienstkonto abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <location filename="../router/providers/google/GoogleTokenFetch.cpp" line="44"/>
        <location filename="../router/providers/google/GoogleTokenFetch.cpp" line="106"/>
        <source>Google&apos;s token endpoint answered without an access token</source>
        <translation>Der Token-Endpunkt von Google hat ohne Zugriffstoken geantwortet</translation>
    </message>
</context>
<context>
    <name>HttpClientConnection</name>
    <message>
        <location filename="../router/http/HttpClientConnection.cpp" line="103"/>
        <source>A header of the request (or the key) contains a line break</source>
        <translation>Ein Header der Anfrage (oder der Schlüssel) enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <location filename="../router/http/HttpClientConnection.cpp" line="227"/>
        <source>The provider closed the connection in the middle of the answer</source>
        <translation>Der Anbieter hat die Verbindung mitten in der Antwort geschlossen</translation>
    </message>
    <message>
        <location filename="../router/http/HttpClientConnection.cpp" line="228"/>
        <source>The provider closed the connection without answering</source>
        <translation>Der Anbieter hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <location filename="../router/http/HttpClientConnection.cpp" line="322"/>
        <source>The provider&apos;s compressed answer is corrupt</source>
        <translation>Die komprimierte Antwort des Anbieters ist beschädigt</translation>
    </message>
    <message>
        <location filename="../router/http/HttpClientConnection.cpp" line="326"/>
        <source>The provider&apos;s compressed answer inflates to more than %1 MiB, Keyway&apos;s limit for an answer</source>
        <translation>Die komprimierte Antwort des Anbieters ergibt entpackt mehr als %1 MiB, die Grenze von Keyway für eine Antwort</translation>
    </message>
    <message>
        <location filename="../router/http/HttpClientConnection.cpp" line="279"/>
        <source>The provider&apos;s compressed answer ends early</source>
        <translation>Die komprimierte Antwort des Anbieters endet vorzeitig</translation>
    </message>
    <message>
        <location filename="../router/http/HttpClientConnection.cpp" line="294"/>
        <source>The provider&apos;s answer is not valid HTTP (%1)</source>
        <translation>Die Antwort des Anbieters ist kein gültiges HTTP (%1)</translation>
    </message>
    <message>
        <location filename="../router/http/HttpClientConnection.cpp" line="305"/>
        <source>The provider answered in an encoding Keyway cannot read (%1)</source>
        <translation>Der Anbieter hat in einer Kodierung geantwortet, die Keyway nicht lesen kann (%1)</translation>
    </message>
</context>
<context>
    <name>HttpConnection</name>
    <message>
        <location filename="../router/http/HttpConnection.cpp" line="204"/>
        <source>The request body is compressed more than once (%1); Keyway reads a body compressed once, with gzip, deflate or zstd.</source>
        <translation>Der Rumpf der Anfrage ist mehrfach komprimiert (%1); Keyway liest einen Rumpf, der einmal komprimiert ist, mit gzip, deflate oder zstd.</translation>
    </message>
    <message>
        <location filename="../router/http/HttpConnection.cpp" line="211"/>
        <source>The request body&apos;s Content-Encoding %1 is not supported; Keyway reads gzip, deflate and zstd.</source>
        <translation>Das Content-Encoding %1 des Anfragerumpfs wird nicht unterstützt; Keyway liest gzip, deflate und zstd.</translation>
    </message>
    <message>
        <location filename="../router/http/HttpConnection.cpp" line="272"/>
        <source>The request body is not valid %1 data: it is corrupt or cut short.</source>
        <translation>Der Rumpf der Anfrage enthält keine gültigen %1-Daten: Sie sind beschädigt oder abgeschnitten.</translation>
    </message>
</context>
<context>
    <name>KeyBoard</name>
    <message>
        <location filename="../ui/keys/KeyBoard.cpp" line="115"/>
        <source>That key is no longer there.</source>
        <translation>Dieser Schlüssel existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>KeyCommands</name>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="41"/>
        <source>The key&apos;s name, unique (&quot;Work OpenAI&quot;).</source>
        <translation>Der Name des Schlüssels, eindeutig („OpenAI Arbeit“).</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="41"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="42"/>
        <source>Endpoint override; required for openai-compatible.</source>
        <translation>Abweichender Endpunkt; erforderlich für openai-compatible.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="43"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="44"/>
        <source>Extra CA certificate (PEM or DER) for the endpoint override.</source>
        <translation>Zusätzliches CA-Zertifikat (PEM oder DER) für den abweichenden Endpunkt.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="45"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="46"/>
        <source>Workspace of the key (default: Personal).</source>
        <translation>Arbeitsbereich des Schlüssels (Standard: Personal).</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="47"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="48"/>
        <source>The key serves every workspace.</source>
        <translation>Der Schlüssel bedient alle Arbeitsbereiche.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="49"/>
        <source>Only these models: ids or globs, comma-separated; &apos;&apos; for all.</source>
        <translation>Nur diese Modelle: IDs oder Platzhaltermuster, kommagetrennt; &apos;&apos; für alle.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="50"/>
        <source>patterns</source>
        <translation>Muster</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="51"/>
        <source>Only these members, comma-separated; &apos;&apos; for all.</source>
        <translation>Nur diese Mitglieder, kommagetrennt; &apos;&apos; für alle.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="52"/>
        <source>names</source>
        <translation>Namen</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="53"/>
        <source>Only these local API key ids, comma-separated; &apos;&apos; for all.</source>
        <translation>Nur diese IDs lokaler API-Schlüssel, kommagetrennt; &apos;&apos; für alle.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="54"/>
        <source>ids</source>
        <translation>IDs</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="55"/>
        <source>allow, never-for-models or never-for-provider.</source>
        <translation>allow, never-for-models oder never-for-provider.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="56"/>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="57"/>
        <source>Read the secret from standard input.</source>
        <translation>Das Geheimnis von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="60"/>
        <source>Provider setting %1 (&apos;&apos; removes it).</source>
        <translation>Anbietereinstellung %1 (&apos;&apos; entfernt sie).</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="61"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="77"/>
        <source>Give either --workspace or --all-workspaces.</source>
        <translation>Geben Sie entweder --workspace oder --all-workspaces an.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="91"/>
        <source>--tokens takes local API key ids such as 1,4; &quot;%1&quot; is not one.</source>
        <translation>--tokens erwartet IDs lokaler API-Schlüssel wie 1,4; „%1“ ist keine.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="100"/>
        <source>--shared-capacity takes allow, never-for-models or never-for-provider.</source>
        <translation>--shared-capacity erwartet allow, never-for-models oder never-for-provider.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="193"/>
        <source>No provider keys yet. Add one with: keyway key add --provider openai --label &quot;Work OpenAI&quot; --secret-stdin</source>
        <translation>Noch keine Anbieterschlüssel. Fügen Sie einen hinzu mit: keyway key add --provider openai --label &quot;OpenAI Arbeit&quot; --secret-stdin</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="199"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="199"/>
        <source>TIER</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="199"/>
        <source>POS</source>
        <translation>POS</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="199"/>
        <source>PROVIDER</source>
        <translation>ANBIETER</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="200"/>
        <source>LABEL</source>
        <translation>BEZEICHNUNG</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="200"/>
        <source>SECRET</source>
        <translation>GEHEIMNIS</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="200"/>
        <source>WORKSPACE</source>
        <translation>ARBEITSBEREICH</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="200"/>
        <source>STATE</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="201"/>
        <source>FILTERS</source>
        <translation>FILTER</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="204"/>
        <source>secret missing</source>
        <translation>Geheimnis fehlt</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="205"/>
        <source>plain HTTP refused</source>
        <translation>unverschlüsseltes HTTP abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="206"/>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="207"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="222"/>
        <source>Add a provider key. The secret is read from standard input (--secret-stdin) or asked for without echo.</source>
        <translation>Einen Anbieterschlüssel hinzufügen. Das Geheimnis wird von der Standardeingabe gelesen (--secret-stdin) oder ohne Echo abgefragt.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="225"/>
        <source>One of: %1.</source>
        <translation>Mögliche Werte: %1.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="226"/>
        <location filename="../app/cli/KeyCommands.cpp" line="283"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="228"/>
        <source>prioritized, shared or fallback (default depends on the provider).</source>
        <translation>prioritized, shared oder fallback (Standard hängt vom Anbieter ab).</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="229"/>
        <location filename="../app/cli/KeyCommands.cpp" line="326"/>
        <location filename="../app/cli/KeyCommands.cpp" line="374"/>
        <source>tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="230"/>
        <source>Print the new key as JSON.</source>
        <translation>Den neuen Schlüssel als JSON ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="236"/>
        <source>Unexpected argument &quot;%1&quot;; secrets are never taken from the command line.</source>
        <translation>Unerwartetes Argument „%1“; Geheimnisse werden nie von der Befehlszeile übernommen.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="239"/>
        <source>--provider is required; one of: %1.</source>
        <translation>--provider ist erforderlich; mögliche Werte: %1.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="242"/>
        <source>--label is required.</source>
        <translation>--label ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="249"/>
        <location filename="../app/cli/KeyCommands.cpp" line="401"/>
        <source>--tier takes prioritized, shared or fallback.</source>
        <translation>--tier erwartet prioritized, shared oder fallback.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="262"/>
        <source>Secret for %1: </source>
        <translation>Geheimnis für %1: </translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="270"/>
        <source>Added key %1 &quot;%2&quot; (%3) in %4 at position %5.</source>
        <translation>Schlüssel %1 „%2“ (%3) zur Stufe „%4“ an Position %5 hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="281"/>
        <source>List provider keys in the order the router tries them.</source>
        <translation>Anbieterschlüssel in der Reihenfolge auflisten, in der der Router sie versucht.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="282"/>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="283"/>
        <source>Only keys of this provider.</source>
        <translation>Nur Schlüssel dieses Anbieters.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="285"/>
        <source>First ask the keychain for every secret and flag the keys whose secret is gone.</source>
        <translation>Zuerst jedes Geheimnis im Schlüsselbund abfragen und Schlüssel markieren, deren Geheimnis fehlt.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="293"/>
        <source>Unknown provider &quot;%1&quot;. Known providers: %2.</source>
        <translation>Unbekannter Anbieter „%1“. Bekannte Anbieter: %2.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="320"/>
        <source>Change a provider key. Only the options given change.</source>
        <translation>Einen Anbieterschlüssel ändern. Nur die angegebenen Optionen werden geändert.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="321"/>
        <location filename="../app/cli/KeyCommands.cpp" line="372"/>
        <location filename="../app/cli/KeyCommands.cpp" line="421"/>
        <location filename="../app/cli/KeyCommands.cpp" line="452"/>
        <source>The key&apos;s id.</source>
        <translation>Die ID des Schlüssels.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="322"/>
        <source>Use the key again.</source>
        <translation>Den Schlüssel wieder verwenden.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="323"/>
        <source>Keep the key but do not use it.</source>
        <translation>Den Schlüssel behalten, aber nicht verwenden.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="324"/>
        <source>Ask for a new secret without echo.</source>
        <translation>Ein neues Geheimnis ohne Echo abfragen.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="326"/>
        <source>Not here: use &quot;keyway key move&quot;.</source>
        <translation>Nicht hier: Verwenden Sie „keyway key move“.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="330"/>
        <location filename="../app/cli/KeyCommands.cpp" line="379"/>
        <location filename="../app/cli/KeyCommands.cpp" line="425"/>
        <location filename="../app/cli/KeyCommands.cpp" line="455"/>
        <source>provider key</source>
        <translation>Anbieterschlüssels</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="335"/>
        <source>Editing does not move a key; use: keyway key move %1 --tier %2</source>
        <translation>Bearbeiten verschiebt keinen Schlüssel; verwenden Sie: keyway key move %1 --tier %2</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="339"/>
        <source>Give either --enable or --disable.</source>
        <translation>Geben Sie entweder --enable oder --disable an.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="353"/>
        <source>New secret: </source>
        <translation>Neues Geheimnis: </translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="363"/>
        <source>Saved key %1 &quot;%2&quot;.</source>
        <translation>Schlüssel %1 „%2“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="371"/>
        <source>Move a provider key to a tier and position.</source>
        <translation>Einen Anbieterschlüssel in eine Stufe und an eine Position verschieben.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="374"/>
        <source>prioritized, shared or fallback (default: its tier).</source>
        <translation>prioritized, shared oder fallback (Standard: seine bisherige Stufe).</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="376"/>
        <source>0 is tried first (default: the end).</source>
        <translation>0 wird zuerst versucht (Standard: ans Ende).</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="376"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="388"/>
        <source>--position takes a number, 0 for the first place.</source>
        <translation>--position erwartet eine Zahl, 0 für den ersten Platz.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="391"/>
        <source>Say where to: --tier, --position or both.</source>
        <translation>Geben Sie das Ziel an: --tier, --position oder beides.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="408"/>
        <source>Moved key %1 &quot;%2&quot; to %3, position %4.</source>
        <translation>Schlüssel %1 „%2“ in die Stufe „%3“ an Position %4 verschoben.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="419"/>
        <source>Check a provider key with its provider, with the cheapest request there is (a list of models). Exits with 0 when the key works, 5 when it does not.</source>
        <translation>Einen Anbieterschlüssel beim Anbieter prüfen, mit der günstigsten Anfrage, die es gibt (einer Liste der Modelle). Endet mit 0, wenn der Schlüssel funktioniert, sonst mit 5.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="422"/>
        <source>Print the result as JSON.</source>
        <translation>Das Ergebnis als JSON ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="451"/>
        <source>Remove a provider key and its secret.</source>
        <translation>Einen Anbieterschlüssel und sein Geheimnis entfernen.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="463"/>
        <source>Removed key %1 and its secret.</source>
        <translation>Schlüssel %1 und sein Geheimnis wurden entfernt.</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="487"/>
        <source>add a provider key (its secret goes to the keychain)</source>
        <translation>einen Anbieterschlüssel hinzufügen (sein Geheimnis kommt in den Schlüsselbund)</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="488"/>
        <source>list keys in the order they are tried</source>
        <translation>Schlüssel in der Reihenfolge auflisten, in der sie versucht werden</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="490"/>
        <source>change a key&apos;s label, filters, settings or secret</source>
        <translation>Bezeichnung, Filter, Einstellungen oder Geheimnis eines Schlüssels ändern</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="491"/>
        <source>move a key to a tier and position</source>
        <translation>einen Schlüssel in eine Stufe und an eine Position verschieben</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="492"/>
        <source>check a key with its provider</source>
        <translation>einen Schlüssel beim Anbieter prüfen</translation>
    </message>
    <message>
        <location filename="../app/cli/KeyCommands.cpp" line="493"/>
        <source>remove a key and its secret</source>
        <translation>einen Schlüssel und sein Geheimnis entfernen</translation>
    </message>
</context>
<context>
    <name>KeyEditorDialog</name>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="52"/>
        <source>Add a provider key</source>
        <translation>Anbieterschlüssel hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="63"/>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="83"/>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="90"/>
        <source>&amp;Provider:</source>
        <translation>A&amp;nbieter:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="96"/>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="97"/>
        <source>How you will recognise it, e.g. Work OpenAI</source>
        <translation>Woran Sie ihn erkennen, z. B. OpenAI Arbeit</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="99"/>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="100"/>
        <source>Leave empty for the provider&apos;s own endpoint; a gateway or local service needs its base URL, e.g. http://localhost:11434/v1</source>
        <translation>Leer lassen für den eigenen Endpunkt des Anbieters; ein Gateway oder lokaler Dienst benötigt seine Basis-URL, z. B. http://localhost:11434/v1</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="107"/>
        <source>&amp;Tier:</source>
        <translation>S&amp;tufe:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="109"/>
        <source>&amp;Use this key</source>
        <translation>Diesen Schlüssel &amp;verwenden</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="127"/>
        <source>&amp;Test key</source>
        <translation>Schlüssel &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="129"/>
        <source>Ask the provider whether it accepts the key as the form has it, with a request that costs nothing (a list of models).</source>
        <translation>Den Anbieter fragen, ob er den Schlüssel so annimmt, wie er im Formular steht – mit einer kostenlosen Anfrage (einer Liste der Modelle).</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="198"/>
        <source>Either an access key (ID and secret, with a session token for temporary credentials) or a Bedrock API key.</source>
        <translation>Entweder ein Zugriffsschlüssel (ID und geheimer Schlüssel, bei temporären Anmeldedaten mit Sitzungstoken) oder ein Bedrock-API-Schlüssel.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="201"/>
        <source>Either a service account&apos;s JSON key file or an express-mode API key.</source>
        <translation>Entweder die JSON-Schlüsseldatei eines Dienstkontos oder ein API-Schlüssel für den Express-Modus.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="206"/>
        <source>No file chosen</source>
        <translation>Keine Datei ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="207"/>
        <source>Choose &amp;file…</source>
        <translation>&amp;Datei auswählen…</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="210"/>
        <source>Service account key</source>
        <translation>Dienstkontoschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="210"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="218"/>
        <source>unchanged (%1)</source>
        <translation>unverändert (%1)</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="220"/>
        <source>comma-separated</source>
        <translation>kommagetrennt</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="226"/>
        <source>the service account&apos;s project</source>
        <translation>das Projekt des Dienstkontos</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="232"/>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="248"/>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="350"/>
        <source>%1 keys need the service&apos;s base URL.</source>
        <translation>Schlüssel für %1 benötigen die Basis-URL des Dienstes.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="355"/>
        <source>%1 is needed.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyEditorDialog.cpp" line="396"/>
        <source>Asking %1…</source>
        <translation>Frage %1…</translation>
    </message>
</context>
<context>
    <name>KeyFilterDialog</name>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="33"/>
        <source>Filters of “%1”</source>
        <translation>Filter von „%1“</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="58"/>
        <source>Any model; type an id or a pattern like anthropic/*</source>
        <translation>Jedes Modell; geben Sie eine ID oder ein Muster wie anthropic/* ein</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="59"/>
        <source>The key serves only these models. Use * for any run of characters, e.g. openai/gpt-4.1* or *sonnet*. Empty: every model it can reach.</source>
        <translation>Der Schlüssel bedient nur diese Modelle. * steht für beliebige Zeichen, z. B. openai/gpt-4.1* oder *sonnet*. Leer: jedes Modell, das er erreichen kann.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="66"/>
        <source>&amp;Models:</source>
        <translation>&amp;Modelle:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="70"/>
        <source>Every member</source>
        <translation>Jedes Mitglied</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="71"/>
        <source>Only requests of these members may use the key.</source>
        <translation>Nur Anfragen dieser Mitglieder dürfen den Schlüssel verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="72"/>
        <source>M&amp;embers:</source>
        <translation>Mi&amp;tglieder:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="76"/>
        <source>Every local API key</source>
        <translation>Jeder lokale API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="77"/>
        <source>Only requests made with these local API keys may use the key.</source>
        <translation>Nur Anfragen mit diesen lokalen API-Schlüsseln dürfen den Schlüssel verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="78"/>
        <source>&amp;Local API keys:</source>
        <translation>&amp;Lokale API-Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="82"/>
        <source>&amp;Workspace:</source>
        <translation>A&amp;rbeitsbereich:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="86"/>
        <source>May stand in for this key</source>
        <translation>Darf für diesen Schlüssel einspringen</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="87"/>
        <source>Never for the models this key serves</source>
        <translation>Nie für die Modelle, die dieser Schlüssel bedient</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="90"/>
        <source>Never for any model of this provider</source>
        <translation>Nie für ein Modell dieses Anbieters</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="95"/>
        <source>When this key cannot answer, may keys of the Shared capacity tier answer instead?</source>
        <translation>Dürfen Schlüssel der Stufe „Geteilte Kapazität“ antworten, wenn dieser Schlüssel nicht antworten kann?</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="97"/>
        <source>Only a prioritized key decides whether shared capacity may stand in for it.</source>
        <translation>Nur ein priorisierter Schlüssel entscheidet, ob geteilte Kapazität für ihn einspringen darf.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="98"/>
        <source>&amp;Shared capacity:</source>
        <translation>&amp;Geteilte Kapazität:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="141"/>
        <source>There is no member “%1”; add members on the Access page.</source>
        <translation>Es gibt kein Mitglied „%1“; Mitglieder fügen Sie auf der Seite „Zugriff“ hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="152"/>
        <source>Choose one of the local API keys from the list.</source>
        <translation>Wählen Sie einen der lokalen API-Schlüssel aus der Liste.</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="155"/>
        <source>All workspaces</source>
        <translation>Alle Arbeitsbereiche</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="175"/>
        <source>&lt;b&gt;Serves no model&lt;/b&gt; the catalog knows — check the patterns, or the provider&apos;s own model ids.</source>
        <translation>&lt;b&gt;Bedient kein Modell&lt;/b&gt;, das der Katalog kennt – prüfen Sie die Muster oder die Modell-IDs des Anbieters.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/keys/KeyFilterDialog.cpp" line="180"/>
        <source>&lt;b&gt;Serves %n model(s)&lt;/b&gt; of the catalog:</source>
        <translation>
            <numerusform>&lt;b&gt;Bedient %n Modell&lt;/b&gt; des Katalogs:</numerusform>
            <numerusform>&lt;b&gt;Bedient %n Modelle&lt;/b&gt; des Katalogs:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyProbe</name>
    <message>
        <location filename="../router/providers/KeyProbe.cpp" line="73"/>
        <source>Unknown provider &quot;%1&quot;.</source>
        <translation>Unbekannter Anbieter „%1“.</translation>
    </message>
    <message>
        <location filename="../router/providers/KeyProbe.cpp" line="107"/>
        <source>Keyway cannot check %1 keys yet.</source>
        <translation>Keyway kann %1-Schlüssel noch nicht prüfen.</translation>
    </message>
</context>
<context>
    <name>KeyService</name>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="129"/>
        <source>&quot;%1&quot; is not a valid URL; write it like https://api.example.com/v1.</source>
        <translation>„%1“ ist keine gültige URL; Beispiel: https://api.example.com/v1.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="132"/>
        <source>The endpoint must start with https:// (or http:// for a local service).</source>
        <translation>Der Endpunkt muss mit https:// beginnen (oder mit http:// für einen lokalen Dienst).</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="134"/>
        <source>The endpoint must not carry a user name or password; put the secret in the keychain instead.</source>
        <translation>Der Endpunkt darf keinen Benutzernamen und kein Passwort enthalten; legen Sie das Geheimnis stattdessen im Schlüsselbund ab.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="138"/>
        <source>The endpoint must not have a query or fragment (&quot;?…&quot; or &quot;#…&quot;).</source>
        <translation>Der Endpunkt darf keine Abfrage und kein Fragment enthalten („?…“ oder „#…“).</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="91"/>
        <source>&quot;%1&quot; is not a valid %2; write it like %3.</source>
        <translation>„%1“ ist kein gültiger Wert für %2; Beispiel: %3.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="181"/>
        <source>The setting &quot;%1&quot; does not apply to %2 keys.</source>
        <translation>Die Einstellung „%1“ gilt nicht für Schlüssel von %2.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="284"/>
        <source>A key labelled &quot;%1&quot; already exists (id %2).</source>
        <translation>Ein Schlüssel mit der Bezeichnung „%1“ existiert bereits (ID %2).</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="290"/>
        <source>%1 keys need an endpoint.</source>
        <translation>Schlüssel für %1 benötigen einen Endpunkt.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="294"/>
        <source>A CA file is only used with an endpoint override.</source>
        <translation>Eine CA-Datei wird nur mit einem abweichenden Endpunkt verwendet.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="304"/>
        <source>%1 keys need a value for &quot;%2&quot;, or an endpoint of their own.</source>
        <translation>Schlüssel für %1 benötigen einen Wert für „%2“ oder einen eigenen Endpunkt.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="322"/>
        <source>%1 keys need this setting: %2.</source>
        <translation>Schlüssel für %1 benötigen diese Einstellung: %2.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="396"/>
        <source>Editing does not move a key to another tier; move it instead.</source>
        <translation>Bearbeiten verschiebt einen Schlüssel nicht in eine andere Stufe; verschieben Sie ihn stattdessen.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="315"/>
        <source>Local API key %1 belongs to another workspace, so this key would never serve it.</source>
        <translation>Der lokale API-Schlüssel %1 gehört zu einem anderen Arbeitsbereich, daher würde dieser Schlüssel ihn nie bedienen.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="328"/>
        <source>A key that forbids shared capacity must stay in Prioritized; it is in %1.</source>
        <translation>Ein Schlüssel, der geteilte Kapazität verbietet, muss in der Stufe „Priorisiert“ bleiben; er ist in „%1“.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="340"/>
        <source>Unknown provider &quot;%1&quot;. Known providers: %2.</source>
        <translation>Unbekannter Anbieter „%1“. Bekannte Anbieter: %2.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="400"/>
        <source>Key %1 names the unknown provider &quot;%2&quot;.</source>
        <translation>Schlüssel %1 nennt den unbekannten Anbieter „%2“.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="455"/>
        <source>Key %1 was changed elsewhere meanwhile; nothing was saved. Try again.</source>
        <translation>Schlüssel %1 wurde zwischenzeitlich an anderer Stelle geändert; nichts wurde gespeichert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="514"/>
        <source>Unknown provider &quot;%1&quot;.</source>
        <translation>Unbekannter Anbieter „%1“.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyService.cpp" line="537"/>
        <source>Type the secret to test the key.</source>
        <translation>Geben Sie das Geheimnis ein, um den Schlüssel zu testen.</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <location filename="../app/store/KeyStore.cpp" line="109"/>
        <location filename="../app/store/KeyStore.cpp" line="194"/>
        <source>There is no provider key with id %1.</source>
        <translation>Es gibt keinen Anbieterschlüssel mit der ID %1.</translation>
    </message>
    <message>
        <location filename="../app/store/KeyStore.cpp" line="252"/>
        <source>Position %1 is out of range: %2 then holds %3 other keys, so the position must be between 0 and %4.</source>
        <translation>Position %1 liegt außerhalb des gültigen Bereichs: Die Stufe „%2“ enthält dann %3 andere Schlüssel, daher muss die Position zwischen 0 und %4 liegen.</translation>
    </message>
</context>
<context>
    <name>KeySummary</name>
    <message>
        <location filename="../ui/keys/KeySummary.cpp" line="34"/>
        <source>all models</source>
        <translation>alle Modelle</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/keys/KeySummary.cpp" line="38"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/keys/KeySummary.cpp" line="40"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/keys/KeySummary.cpp" line="42"/>
        <source>%n local key(s)</source>
        <translation>
            <numerusform>%n lokaler Schlüssel</numerusform>
            <numerusform>%n lokale Schlüssel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/keys/KeySummary.cpp" line="44"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeySummary.cpp" line="51"/>
        <source>%1 key %2</source>
        <translation>Schlüssel für %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeySummary.cpp" line="52"/>
        <source>Used for: %1</source>
        <translation>Verwendet für: %1</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeySummary.cpp" line="54"/>
        <source>Endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeySummary.cpp" line="56"/>
        <source>Forbids shared capacity: stays in Prioritized</source>
        <translation>Verbietet geteilte Kapazität: bleibt in „Priorisiert“</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeySummary.cpp" line="58"/>
        <source>The keychain no longer has this key&apos;s secret</source>
        <translation>Der Schlüsselbund enthält das Geheimnis dieses Schlüssels nicht mehr</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeySummary.cpp" line="60"/>
        <source>Not used until its endpoint is edited: %1</source>
        <translation>Nicht verwendet, bis sein Endpunkt bearbeitet wird: %1</translation>
    </message>
</context>
<context>
    <name>KeyTestResult</name>
    <message>
        <location filename="../app/keys/KeyTestResult.cpp" line="20"/>
        <source>Works: the provider accepted the key.</source>
        <translation>Funktioniert: Der Anbieter hat den Schlüssel angenommen.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyTestResult.cpp" line="23"/>
        <source>Invalid: the provider does not accept this key.</source>
        <translation>Ungültig: Der Anbieter nimmt diesen Schlüssel nicht an.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyTestResult.cpp" line="26"/>
        <source>No access: the key is known but not allowed to do this.</source>
        <translation>Kein Zugriff: Der Schlüssel ist bekannt, darf dies aber nicht.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyTestResult.cpp" line="29"/>
        <source>Rate-limited: the key works but is over its limit right now.</source>
        <translation>Ratenlimit: Der Schlüssel funktioniert, ist aber gerade über seinem Limit.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyTestResult.cpp" line="32"/>
        <source>Out of credit: the account behind the key cannot pay.</source>
        <translation>Kein Guthaben: Das Konto hinter dem Schlüssel kann nicht bezahlen.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyTestResult.cpp" line="35"/>
        <source>Unreachable: no answer from the provider.</source>
        <translation>Nicht erreichbar: keine Antwort vom Anbieter.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyTestResult.cpp" line="38"/>
        <source>Not checked: the answer said nothing about the key.</source>
        <translation>Nicht geprüft: Die Antwort sagt nichts über den Schlüssel.</translation>
    </message>
    <message>
        <location filename="../app/keys/KeyTestResult.cpp" line="42"/>
        <source>(HTTP %1, %2 ms)</source>
        <translation>(HTTP %1, %2 ms)</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="31"/>
        <source>Your own keys, tried first, top to bottom</source>
        <translation>Ihre eigenen Schlüssel, zuerst versucht, von oben nach unten</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="33"/>
        <source>Aggregators and team gateways, tried next</source>
        <translation>Aggregatoren und Team-Gateways, als Nächstes versucht</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="35"/>
        <source>Tried last, when everything above failed</source>
        <translation>Zuletzt versucht, wenn alles darüber fehlgeschlagen ist</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="43"/>
        <source>&lt;h2&gt;Three steps to your first routed request&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Add a provider key&lt;/b&gt; with &lt;b&gt;Add key…&lt;/b&gt; above — OpenAI, Anthropic, Azure, Bedrock, Vertex, Gemini, OpenRouter or any OpenAI-compatible service. The secret goes to your system&apos;s keychain.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Create a local API key&lt;/b&gt; for your tools: on the &lt;b&gt;Access&lt;/b&gt; page, &lt;b&gt;Create…&lt;/b&gt; under Local API keys. It is shown once, with snippets for your tools.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Point a tool at the router&lt;/b&gt;: &lt;b&gt;Copy&lt;/b&gt; its address from the status bar and give the tool the local key as its API key.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Keys then appear here in three tiers. Drag them to set the order they are tried in.&lt;/p&gt;&lt;p&gt;&lt;small&gt;From a terminal, &lt;tt&gt;keyway key add&lt;/tt&gt; and &lt;tt&gt;keyway token create&lt;/tt&gt; do the same.&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;In drei Schritten zur ersten gerouteten Anfrage&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Anbieterschlüssel hinzufügen&lt;/b&gt; mit &lt;b&gt;Schlüssel hinzufügen…&lt;/b&gt; oben – OpenAI, Anthropic, Azure, Bedrock, Vertex, Gemini, OpenRouter oder ein beliebiger OpenAI-kompatibler Dienst. Das Geheimnis wird im Schlüsselbund Ihres Systems abgelegt.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Lokalen API-Schlüssel erstellen&lt;/b&gt; für Ihre Werkzeuge: auf der Seite &lt;b&gt;Zugriff&lt;/b&gt; unter „Lokale API-Schlüssel“ &lt;b&gt;Erstellen…&lt;/b&gt; wählen. Er wird einmal angezeigt, mit Beispielen für Ihre Werkzeuge.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ein Werkzeug auf den Router richten&lt;/b&gt;: seine Adresse in der Statusleiste mit &lt;b&gt;Kopieren&lt;/b&gt; übernehmen und dem Werkzeug den lokalen Schlüssel als API-Schlüssel geben.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Die Schlüssel erscheinen dann hier in drei Stufen. Ziehen Sie sie, um die Reihenfolge festzulegen, in der sie versucht werden.&lt;/p&gt;&lt;p&gt;&lt;small&gt;Im Terminal leisten &lt;tt&gt;keyway key add&lt;/tt&gt; und &lt;tt&gt;keyway token create&lt;/tt&gt; dasselbe.&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="73"/>
        <source>&amp;Provider:</source>
        <translation>An&amp;bieter:</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="76"/>
        <source>Show the keys of one provider only</source>
        <translation>Nur die Schlüssel eines Anbieters anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="81"/>
        <location filename="../ui/keys/KeysPage.cpp" line="199"/>
        <source>A&amp;dd key…</source>
        <translation>Schlüssel &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="83"/>
        <source>Add a provider key (Ctrl+N)</source>
        <translation>Anbieterschlüssel hinzufügen (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="187"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="191"/>
        <source>&amp;Filters…</source>
        <translation>&amp;Filter…</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="195"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="204"/>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben verschieben</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="205"/>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten verschieben</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="206"/>
        <source>Move to &amp;Prioritized</source>
        <translation>In „&amp;Priorisiert“ verschieben</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="208"/>
        <source>Move to &amp;Shared capacity</source>
        <translation>In „&amp;Geteilte Kapazität“ verschieben</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="210"/>
        <source>Move to &amp;Fallback</source>
        <translation>In „&amp;Reserve“ verschieben</translation>
    </message>
    <message>
        <location filename="../ui/keys/KeysPage.cpp" line="219"/>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
</context>
<context>
    <name>LocalKeyModel</name>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="48"/>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="59"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="62"/>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="62"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="74"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="76"/>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="78"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="80"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="82"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="84"/>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <location filename="../ui/access/LocalKeyModel.cpp" line="86"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>LogCommands</name>
    <message>
        <location filename="../app/cli/LogCommands.cpp" line="31"/>
        <source>no key answered</source>
        <translation>kein Schlüssel hat geantwortet</translation>
    </message>
    <message>
        <location filename="../app/cli/LogCommands.cpp" line="32"/>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/LogCommands.cpp" line="34"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/LogCommands.cpp" line="39"/>
        <source>%1 + %2 tokens</source>
        <translation>%1 + %2 Token</translation>
    </message>
    <message>
        <location filename="../app/cli/LogCommands.cpp" line="71"/>
        <source>Show the latest requests with their attempts, oldest first.</source>
        <translation>Die letzten Anfragen mit ihren Versuchen anzeigen, älteste zuerst.</translation>
    </message>
    <message>
        <location filename="../app/cli/LogCommands.cpp" line="73"/>
        <source>Keep showing requests as they finish.</source>
        <translation>Weitere Anfragen anzeigen, sobald sie abgeschlossen sind.</translation>
    </message>
    <message>
        <location filename="../app/cli/LogCommands.cpp" line="74"/>
        <source>One JSON object per request and line.</source>
        <translation>Ein JSON-Objekt pro Anfrage und Zeile.</translation>
    </message>
    <message>
        <location filename="../app/cli/LogCommands.cpp" line="75"/>
        <source>How many to show (default 20).</source>
        <translation>Wie viele angezeigt werden (Standard: 20).</translation>
    </message>
    <message>
        <location filename="../app/cli/LogCommands.cpp" line="84"/>
        <source>--limit must be a positive number.</source>
        <translation>--limit muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <location filename="../app/cli/LogCommands.cpp" line="124"/>
        <source>the latest requests and their attempts</source>
        <translation>die letzten Anfragen und ihre Versuche</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="47"/>
        <location filename="../ui/MainWindow.cpp" line="199"/>
        <source>Keyway</source>
        <translation>Keyway</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="50"/>
        <source>&amp;Keys</source>
        <translation>&amp;Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="51"/>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="52"/>
        <source>&amp;Route preview</source>
        <translation>&amp;Routenvorschau</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53"/>
        <source>&amp;Usage</source>
        <translation>&amp;Nutzung</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="54"/>
        <source>A&amp;ccess</source>
        <translation>&amp;Zugriff</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="55"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="59"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="74"/>
        <source>The router is stopped</source>
        <translation>Der Router ist gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="317"/>
        <source>The key and its secret were removed.</source>
        <translation>Der Schlüssel und sein Geheimnis wurden entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>Starting the router…</source>
        <translation>Router wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="118"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>Copy the router&apos;s address</source>
        <translation>Die Adresse des Routers kopieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="125"/>
        <source>Requests answered per second, over the last five seconds</source>
        <translation>Beantwortete Anfragen pro Sekunde, über die letzten fünf Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="138"/>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="179"/>
        <source>&amp;Open Keyway</source>
        <translation>Keyway ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="185"/>
        <location filename="../ui/MainWindow.cpp" line="213"/>
        <source>&amp;Stop the router</source>
        <translation>Router &amp;stoppen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="186"/>
        <source>&amp;Keep routing when the window closes</source>
        <translation>&amp;Weiter routen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="192"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="207"/>
        <source>The router is listening on %1</source>
        <translation>Der Router lauscht auf %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="210"/>
        <source>Keyway: %1</source>
        <translation>Keyway: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="211"/>
        <source>Keyway: routing on %1</source>
        <translation>Keyway: Routing auf %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="213"/>
        <source>&amp;Start the router</source>
        <translation>Router &amp;starten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="242"/>
        <source>No provider keys yet.</source>
        <translation>Noch keine Anbieterschlüssel.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="243"/>
        <source>%n provider key(s) stored.</source>
        <translation>
            <numerusform>%n Anbieterschlüssel gespeichert.</numerusform>
            <numerusform>%n Anbieterschlüssel gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="246"/>
        <source>%n key(s) have no secret in the keychain any more.</source>
        <translation>
            <numerusform>%n Schlüssel hat kein Geheimnis mehr im Schlüsselbund.</numerusform>
            <numerusform>%n Schlüssel haben kein Geheimnis mehr im Schlüsselbund.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="249"/>
        <source>The secrets could not be checked: %1</source>
        <translation>Die Geheimnisse konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="255"/>
        <source>Keyway could not start: %1</source>
        <translation>Keyway konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="307"/>
        <source>Remove key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="308"/>
        <source>Remove “%1” and delete its secret from the keychain?</source>
        <translation>„%1“ entfernen und sein Geheimnis aus dem Schlüsselbund löschen?</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="310"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>ModelCatalog</name>
    <message>
        <location filename="../router/catalog/ModelCatalog.cpp" line="26"/>
        <source>A model id cannot contain &quot;*&quot; or &quot;?&quot;: &quot;%1&quot;.</source>
        <translation>Eine Modell-ID darf weder „*“ noch „?“ enthalten: „%1“.</translation>
    </message>
    <message>
        <location filename="../router/catalog/ModelCatalog.cpp" line="41"/>
        <source>The price &quot;%1&quot; must be a number of dollars per million tokens, 0 or more.</source>
        <translation>Der Preis „%1“ muss eine Zahl von Dollar pro Million Token sein, 0 oder mehr.</translation>
    </message>
    <message>
        <location filename="../router/catalog/ModelCatalog.cpp" line="74"/>
        <source>The context length must be a number of tokens.</source>
        <translation>Die Kontextlänge muss eine Anzahl von Token sein.</translation>
    </message>
    <message>
        <location filename="../router/catalog/ModelCatalog.cpp" line="114"/>
        <source>The catalog has no &quot;models&quot; list.</source>
        <translation>Der Katalog hat keine Liste „models“.</translation>
    </message>
    <message>
        <location filename="../router/catalog/ModelCatalog.cpp" line="119"/>
        <source>Model %1: %2</source>
        <translation>Modell %1: %2</translation>
    </message>
</context>
<context>
    <name>ModelCommands</name>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="35"/>
        <source>List the model catalog: built-in models and yours, with prices in US dollars per million tokens.</source>
        <translation>Den Modellkatalog auflisten: eingebaute und eigene Modelle, mit Preisen in US-Dollar pro Million Token.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="37"/>
        <source>Print JSON, in the catalog&apos;s own format.</source>
        <translation>JSON ausgeben, im Format des Katalogs.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="53"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="53"/>
        <source>ALIASES</source>
        <translation>ALIASE</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="53"/>
        <source>CONTEXT</source>
        <translation>KONTEXT</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="53"/>
        <source>INPUT</source>
        <translation>EINGABE</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="54"/>
        <source>OUTPUT</source>
        <translation>AUSGABE</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="54"/>
        <source>CACHED</source>
        <translation>CACHE</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="76"/>
        <source>--context takes a number of tokens.</source>
        <translation>--context erwartet eine Anzahl von Token.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="91"/>
        <source>--%1 takes dollars per million tokens, like 2.5.</source>
        <translation>--%1 erwartet Dollar pro Million Token, etwa 2.5.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="103"/>
        <source>--native takes PROVIDER=ID, like bedrock=acme.model-v1:0.</source>
        <translation>--native erwartet ANBIETER=ID, etwa bedrock=acme.model-v1:0.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="120"/>
        <source>Add a model to the catalog, or replace one (a built-in one too): its prices give the cost of each request, its names let requests name it.</source>
        <translation>Ein Modell zum Katalog hinzufügen oder eines ersetzen (auch ein eingebautes): Seine Preise ergeben die Kosten jeder Anfrage, mit seinen Namen können Anfragen es nennen.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="123"/>
        <source>Its id, like acme/rocket-1.</source>
        <translation>Seine ID, etwa acme/rocket-1.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="124"/>
        <source>Its name for people.</source>
        <translation>Sein Name für Menschen.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="124"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="126"/>
        <source>Another name for it (repeatable).</source>
        <translation>Ein weiterer Name dafür (wiederholbar).</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="126"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="128"/>
        <source>The id a provider knows it by (repeatable), like bedrock=acme.rocket-v1:0.</source>
        <translation>Die ID, unter der ein Anbieter es kennt (wiederholbar), etwa bedrock=acme.rocket-v1:0.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="129"/>
        <source>provider=id</source>
        <translation>anbieter=id</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="130"/>
        <source>Its context length in tokens.</source>
        <translation>Seine Kontextlänge in Token.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="130"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="132"/>
        <source>Dollars per million prompt tokens.</source>
        <translation>Dollar pro Million Prompt-Token.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="132"/>
        <location filename="../app/cli/ModelCommands.cpp" line="134"/>
        <location filename="../app/cli/ModelCommands.cpp" line="136"/>
        <source>usd</source>
        <translation>usd</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="133"/>
        <source>Dollars per million completion tokens.</source>
        <translation>Dollar pro Million Antwort-Token.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="135"/>
        <source>Dollars per million cached prompt tokens.</source>
        <translation>Dollar pro Million Prompt-Token aus dem Cache.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="140"/>
        <source>Give the model&apos;s id.</source>
        <translation>Geben Sie die ID des Modells an.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="151"/>
        <source>Added the model %1.</source>
        <translation>Modell %1 hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="158"/>
        <source>Give a model of the catalog another name.</source>
        <translation>Einem Modell des Katalogs einen weiteren Namen geben.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="159"/>
        <source>The new name.</source>
        <translation>Der neue Name.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="160"/>
        <source>The model&apos;s id or one of its names.</source>
        <translation>Die ID des Modells oder einer seiner Namen.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="165"/>
        <source>Give the alias and the model.</source>
        <translation>Geben Sie den Alias und das Modell an.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="171"/>
        <source>&quot;%1&quot; now names %2.</source>
        <translation>„%1“ nennt jetzt %2.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="178"/>
        <source>Remove a model you added, or an alias.</source>
        <translation>Ein selbst hinzugefügtes Modell oder einen Alias entfernen.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="179"/>
        <source>The model&apos;s id or the alias.</source>
        <translation>Die ID des Modells oder der Alias.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="183"/>
        <source>Give the model&apos;s id or the alias.</source>
        <translation>Geben Sie die ID des Modells oder den Alias an.</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="209"/>
        <source>the catalog, with prices</source>
        <translation>der Katalog, mit Preisen</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="210"/>
        <source>add or replace a model</source>
        <translation>ein Modell hinzufügen oder ersetzen</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="211"/>
        <source>give a model another name</source>
        <translation>einem Modell einen weiteren Namen geben</translation>
    </message>
    <message>
        <location filename="../app/cli/ModelCommands.cpp" line="212"/>
        <source>remove a model you added, or an alias</source>
        <translation>ein selbst hinzugefügtes Modell oder einen Alias entfernen</translation>
    </message>
</context>
<context>
    <name>ModelPattern</name>
    <message>
        <location filename="../router/catalog/ModelPattern.cpp" line="46"/>
        <source>A model pattern is empty.</source>
        <translation>Ein Modellmuster ist leer.</translation>
    </message>
    <message>
        <location filename="../router/catalog/ModelPattern.cpp" line="48"/>
        <source>The model pattern is longer than %1 characters.</source>
        <translation>Das Modellmuster ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../router/catalog/ModelPattern.cpp" line="55"/>
        <source>The model pattern &quot;%1&quot; contains &quot;%2&quot;, which no model id uses. Patterns may use letters, digits, - . _ : / @ + and the wildcards * and ?.</source>
        <translation>Das Modellmuster „%1“ enthält „%2“, was in keiner Modell-ID vorkommt. Muster dürfen Buchstaben, Ziffern, - . _ : / @ + und die Platzhalter * und ? enthalten.</translation>
    </message>
</context>
<context>
    <name>NameRules</name>
    <message>
        <location filename="../app/domain/NameRules.cpp" line="24"/>
        <source>The %1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <location filename="../app/domain/NameRules.cpp" line="26"/>
        <source>The %1 starts or ends with spaces.</source>
        <translation>%1 beginnt oder endet mit Leerzeichen.</translation>
    </message>
    <message>
        <location filename="../app/domain/NameRules.cpp" line="28"/>
        <source>The %1 is longer than %2 characters.</source>
        <translation>%1 ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <location filename="../app/domain/NameRules.cpp" line="30"/>
        <source>The %1 contains a control character.</source>
        <translation>%1 enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <location filename="../app/domain/NameRules.cpp" line="38"/>
        <source>label</source>
        <translation>Die Bezeichnung</translation>
    </message>
    <message>
        <location filename="../app/domain/NameRules.cpp" line="44"/>
        <source>member name</source>
        <translation>Der Mitgliedsname</translation>
    </message>
    <message>
        <location filename="../app/domain/NameRules.cpp" line="47"/>
        <source>The member name &quot;%1&quot; may use only letters, digits and . _ @ -, and must start with a letter or digit.</source>
        <translation>Der Mitgliedsname „%1“ darf nur Buchstaben, Ziffern und . _ @ - enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen.</translation>
    </message>
    <message>
        <location filename="../app/domain/NameRules.cpp" line="56"/>
        <source>workspace name</source>
        <translation>Der Name des Arbeitsbereichs</translation>
    </message>
    <message>
        <location filename="../app/domain/NameRules.cpp" line="59"/>
        <source>&quot;*&quot; is reserved for keys that serve all workspaces.</source>
        <translation>„*“ ist für Schlüssel reserviert, die alle Arbeitsbereiche bedienen.</translation>
    </message>
</context>
<context>
    <name>OpenAiToAnthropic</name>
    <message>
        <location filename="../router/translate/OpenAiToAnthropic.cpp" line="38"/>
        <source>An image must be a data: URL with base64 content or a web address to reach an Anthropic-format provider.</source>
        <translation>Ein Bild muss eine data:-URL mit Base64-Inhalt oder eine Webadresse sein, um einen Anbieter im Anthropic-Format zu erreichen.</translation>
    </message>
    <message>
        <location filename="../router/translate/OpenAiToAnthropic.cpp" line="44"/>
        <source>A &quot;%1&quot; part cannot be sent to an Anthropic-format provider.</source>
        <translation>Ein „%1“-Teil kann nicht an einen Anbieter im Anthropic-Format gesendet werden.</translation>
    </message>
    <message>
        <location filename="../router/translate/OpenAiToAnthropic.cpp" line="62"/>
        <source>The arguments of tool call %1 are not a JSON object.</source>
        <translation>Die Argumente des Werkzeugaufrufs %1 sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <location filename="../router/translate/OpenAiToAnthropic.cpp" line="100"/>
        <source>Anthropic-format providers give one answer per request (n = 1).</source>
        <translation>Anbieter im Anthropic-Format geben eine Antwort pro Anfrage (n = 1).</translation>
    </message>
</context>
<context>
    <name>PlainHttpRule</name>
    <message>
        <location filename="../router/http/PlainHttpRule.cpp" line="69"/>
        <source>%1 is a public address. Plain http:// only goes to this computer or a private network; this endpoint needs https://.</source>
        <translation>%1 ist eine öffentliche Adresse. Unverschlüsseltes http:// geht nur an diesen Computer oder ein privates Netz; dieser Endpunkt braucht https://.</translation>
    </message>
    <message>
        <location filename="../router/http/PlainHttpRule.cpp" line="74"/>
        <source>%1 never resolves, so it cannot be shown to be on this computer or a private network, the only places plain http:// goes. Use https://.</source>
        <translation>%1 wird nie aufgelöst und kann daher nicht als auf diesem Computer oder in einem privaten Netz gelegen erkannt werden, den einzigen Zielen von unverschlüsseltem http://. Verwenden Sie https://.</translation>
    </message>
    <message>
        <location filename="../router/http/PlainHttpRule.cpp" line="83"/>
        <source>%1 does not resolve, so it cannot be shown to be on this computer or a private network, the only places plain http:// goes. Use https://, or a name or address on your network.</source>
        <translation>%1 wird nicht aufgelöst und kann daher nicht als auf diesem Computer oder in einem privaten Netz gelegen erkannt werden, den einzigen Zielen von unverschlüsseltem http://. Verwenden Sie https:// oder einen Namen oder eine Adresse in Ihrem Netz.</translation>
    </message>
    <message>
        <location filename="../router/http/PlainHttpRule.cpp" line="89"/>
        <source>%1 resolves to the public address %2. Plain http:// only goes to this computer or a private network; this endpoint needs https://.</source>
        <translation>%1 wird zur öffentlichen Adresse %2 aufgelöst. Unverschlüsseltes http:// geht nur an diesen Computer oder ein privates Netz; dieser Endpunkt braucht https://.</translation>
    </message>
    <message>
        <location filename="../router/http/PlainHttpRule.cpp" line="100"/>
        <source>Nothing was sent: %1 was reached at the public address %2, and plain http:// only goes to this computer or a private network. The endpoint needs https://.</source>
        <translation>Nichts wurde gesendet: %1 wurde unter der öffentlichen Adresse %2 erreicht, und unverschlüsseltes http:// geht nur an diesen Computer oder ein privates Netz. Der Endpunkt braucht https://.</translation>
    </message>
</context>
<context>
    <name>ProviderCredential</name>
    <message>
        <location filename="../app/domain/ProviderCredential.cpp" line="19"/>
        <source>The secret is empty.</source>
        <translation>Das Geheimnis ist leer.</translation>
    </message>
    <message>
        <location filename="../app/domain/ProviderCredential.cpp" line="24"/>
        <source>The secret contains spaces, line breaks or characters outside printable ASCII; an API key is a single word. Check what was pasted.</source>
        <translation>Das Geheimnis enthält Leerzeichen, Zeilenumbrüche oder Zeichen außerhalb des druckbaren ASCII-Bereichs; ein API-Schlüssel ist ein einzelnes Wort. Prüfen Sie, was eingefügt wurde.</translation>
    </message>
    <message>
        <location filename="../app/domain/ProviderCredential.cpp" line="29"/>
        <source>The secret is longer than 4096 characters, too long for an API key.</source>
        <translation>Das Geheimnis ist länger als 4096 Zeichen und damit zu lang für einen API-Schlüssel.</translation>
    </message>
    <message>
        <location filename="../app/domain/ProviderCredential.cpp" line="79"/>
        <source>(no key)</source>
        <translation>(kein Schlüssel)</translation>
    </message>
    <message>
        <location filename="../app/domain/ProviderCredential.cpp" line="97"/>
        <source>AWS credentials need &quot;access_key_id&quot; and &quot;secret_access_key&quot; in a JSON object (&quot;session_token&quot; is optional), or give a Bedrock API key on its own.</source>
        <translation>AWS-Anmeldedaten benötigen &quot;access_key_id&quot; und &quot;secret_access_key&quot; in einem JSON-Objekt (&quot;session_token&quot; ist optional); alternativ geben Sie nur einen Bedrock-API-Schlüssel an.</translation>
    </message>
    <message>
        <location filename="../app/domain/ProviderCredential.cpp" line="121"/>
        <source>This is not a Google service-account key: the JSON needs &quot;type&quot;: &quot;service_account&quot;, &quot;client_email&quot; and &quot;private_key&quot;. Download it from the Google Cloud console (IAM → Service accounts → Keys), or give an express-mode API key on its own.</source>
        <translation>Dies ist kein Google-Dienstkontoschlüssel: Das JSON benötigt &quot;type&quot;: &quot;service_account&quot;, &quot;client_email&quot; und &quot;private_key&quot;. Laden Sie ihn in der Google Cloud Console herunter (IAM → Dienstkonten → Schlüssel) oder geben Sie nur einen API-Schlüssel für den Express-Modus an.</translation>
    </message>
</context>
<context>
    <name>ProviderRegistry</name>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="26"/>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="72"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="32"/>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="33"/>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="59"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="37"/>
        <source>Resource name</source>
        <translation>Ressourcenname</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="38"/>
        <source>Deployments</source>
        <translation>Bereitstellungen</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="39"/>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="46"/>
        <source>Access key ID</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="48"/>
        <source>Secret access key</source>
        <translation>Geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="49"/>
        <source>Session token</source>
        <translation>Sitzungstoken</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="50"/>
        <source>Bedrock API key</source>
        <translation>Bedrock-API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="51"/>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="60"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="57"/>
        <source>Service account JSON</source>
        <translation>Dienstkonto-JSON</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="58"/>
        <source>Express mode API key</source>
        <translation>API-Schlüssel (Express-Modus)</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="69"/>
        <source>OpenAI-compatible</source>
        <translation>OpenAI-kompatibel</translation>
    </message>
    <message>
        <location filename="../router/catalog/ProviderRegistry.cpp" line="74"/>
        <source>Models it serves</source>
        <translation>Bediente Modelle</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="42"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="42"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="42"/>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="42"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="43"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="43"/>
        <source>Provider&apos;s message</source>
        <translation>Meldung des Anbieters</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="43"/>
        <source>Rate-limit headers</source>
        <translation>Ratenlimit-Header</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="53"/>
        <source>&amp;Copy JSON</source>
        <translation>JSON &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="54"/>
        <source>Copy the request&apos;s metadata (no secrets, no prompts)</source>
        <translation>Die Metadaten der Anfrage kopieren (keine Geheimnisse, keine Prompts)</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="61"/>
        <source>&lt;b&gt;Attempts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Versuche&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="65"/>
        <source>&lt;b&gt;Metadata&lt;/b&gt;</source>
        <translation>&lt;b&gt;Metadaten&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/activity/RequestDetail.cpp" line="80"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>ResponsesToAnthropic</name>
    <message>
        <location filename="../router/translate/ResponsesToAnthropic.cpp" line="63"/>
        <source>An image must be a data: URL with base64 content or a web address to reach an Anthropic-format provider.</source>
        <translation>Ein Bild muss eine data:-URL mit Base64-Inhalt oder eine Webadresse sein, um einen Anbieter im Anthropic-Format zu erreichen.</translation>
    </message>
    <message>
        <location filename="../router/translate/ResponsesToAnthropic.cpp" line="69"/>
        <source>A &quot;%1&quot; part cannot be sent to an Anthropic-format provider.</source>
        <translation>Ein „%1“-Teil kann nicht an einen Anbieter im Anthropic-Format gesendet werden.</translation>
    </message>
    <message>
        <location filename="../router/translate/ResponsesToAnthropic.cpp" line="100"/>
        <source>The arguments of tool call %1 are not a JSON object.</source>
        <translation>Die Argumente des Werkzeugaufrufs %1 sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <location filename="../router/translate/ResponsesToAnthropic.cpp" line="234"/>
        <source>A &quot;%1&quot; item cannot be sent to an Anthropic-format provider.</source>
        <translation>Ein „%1“-Element kann nicht an einen Anbieter im Anthropic-Format gesendet werden.</translation>
    </message>
    <message>
        <location filename="../router/translate/ResponsesToAnthropic.cpp" line="510"/>
        <source>Keyway does not keep responses: send the whole conversation in input instead of previous_response_id.</source>
        <translation>Keyway speichert keine Antworten: Senden Sie das ganze Gespräch in input statt previous_response_id.</translation>
    </message>
    <message>
        <location filename="../router/translate/ResponsesToAnthropic.cpp" line="515"/>
        <source>Keyway does not keep conversations: send the whole conversation in input.</source>
        <translation>Keyway speichert keine Gespräche: Senden Sie das ganze Gespräch in input.</translation>
    </message>
    <message>
        <location filename="../router/translate/ResponsesToAnthropic.cpp" line="521"/>
        <source>A prompt stored at OpenAI cannot be sent to an Anthropic-format provider.</source>
        <translation>Ein bei OpenAI gespeicherter Prompt kann nicht an einen Anbieter im Anthropic-Format gesendet werden.</translation>
    </message>
    <message>
        <location filename="../router/translate/ResponsesToAnthropic.cpp" line="524"/>
        <source>Keyway does not run responses in the background.</source>
        <translation>Keyway führt Antworten nicht im Hintergrund aus.</translation>
    </message>
</context>
<context>
    <name>RouteCommands</name>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="34"/>
        <source>--token takes a local API key id.</source>
        <translation>--token erwartet die ID eines lokalen API-Schlüssels.</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="66"/>
        <source>Show which keys a request would be tried on, in order, and why each other key would not be used. Uses the same planner as the router; live health (cool-downs) is known only to a running router.</source>
        <translation>Anzeigen, mit welchen Schlüsseln eine Anfrage der Reihe nach versucht würde und warum jeder andere Schlüssel nicht verwendet würde. Nutzt denselben Planer wie der Router; den aktuellen Zustand (Abkühlphasen) kennt nur ein laufender Router.</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="71"/>
        <source>The model the request names.</source>
        <translation>Das Modell, das die Anfrage nennt.</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="71"/>
        <location filename="../app/cli/RouteCommands.cpp" line="72"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="72"/>
        <source>As a request with this local API key id.</source>
        <translation>Als Anfrage mit dieser ID eines lokalen API-Schlüssels.</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="73"/>
        <source>As a request from this member (default: me).</source>
        <translation>Als Anfrage dieses Mitglieds (Standard: me).</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="74"/>
        <location filename="../app/cli/RouteCommands.cpp" line="75"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="75"/>
        <source>In this workspace (default: Personal).</source>
        <translation>In diesem Arbeitsbereich (Standard: Personal).</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="76"/>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="81"/>
        <source>--model is required.</source>
        <translation>--model ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="85"/>
        <source>A local API key already names its member and workspace; give --token or --member/--workspace.</source>
        <translation>Ein lokaler API-Schlüssel legt Mitglied und Arbeitsbereich bereits fest; geben Sie --token oder --member/--workspace an.</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="124"/>
        <source>No key would serve &quot;%1&quot;.</source>
        <translation>Kein Schlüssel würde „%1“ bedienen.</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="126"/>
        <source>&quot;%1&quot; would be tried on:</source>
        <translation>Für „%1“ würden diese Schlüssel versucht:</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="134"/>
        <source>Not used:</source>
        <translation>Nicht verwendet:</translation>
    </message>
    <message>
        <location filename="../app/cli/RouteCommands.cpp" line="152"/>
        <source>show the keys a request would be tried on, and why not the others</source>
        <translation>anzeigen, mit welchen Schlüsseln eine Anfrage versucht würde und warum nicht mit den anderen</translation>
    </message>
</context>
<context>
    <name>RoutePlanner</name>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="291"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="293"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="294"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="298"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="300"/>
        <source>secret missing from the keychain</source>
        <translation>Geheimnis fehlt im Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="302"/>
        <source>its secret could not be read: the keychain is locked or not answering</source>
        <translation>sein Geheimnis war nicht lesbar: der Schlüsselbund ist gesperrt oder antwortet nicht</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="304"/>
        <source>its endpoint is refused: %1</source>
        <translation>sein Endpunkt wird abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="306"/>
        <source>belongs to another workspace</source>
        <translation>gehört zu einem anderen Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="308"/>
        <source>does not serve %1</source>
        <translation>bedient %1 nicht</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="310"/>
        <source>its model filter does not match %1</source>
        <translation>sein Modellfilter passt nicht zu %1</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="312"/>
        <source>its member filter does not match</source>
        <translation>sein Mitgliederfilter passt nicht</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="314"/>
        <source>its local API key filter does not match</source>
        <translation>sein Filter für lokale API-Schlüssel passt nicht</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="316"/>
        <source>shared capacity forbidden by &quot;%1&quot;</source>
        <translation>geteilte Kapazität durch „%1“ verboten</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="318"/>
        <source>invalid key</source>
        <translation>ungültiger Schlüssel</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="320"/>
        <source>cooling down for %1</source>
        <translation>kühlt ab, noch %1</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="322"/>
        <source>out of credit, retried in %1</source>
        <translation>kein Guthaben, neuer Versuch in %1</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="324"/>
        <source>failing; next probe in %1</source>
        <translation>fehlerhaft; nächster Test in %1</translation>
    </message>
    <message>
        <location filename="../router/routing/RoutePlanner.cpp" line="326"/>
        <source>%1 unusable on this key for %2</source>
        <translation>%1 mit diesem Schlüssel noch %2 nicht nutzbar</translation>
    </message>
</context>
<context>
    <name>RoutePreviewPage</name>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="38"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="38"/>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="40"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="38"/>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="40"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="38"/>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="40"/>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="38"/>
        <source>Sent as</source>
        <translation>Gesendet als</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="40"/>
        <source>Why not</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="45"/>
        <source>A model as a tool would name it, e.g. gpt-4.1</source>
        <translation>Ein Modell, wie ein Werkzeug es nennen würde, z. B. gpt-4.1</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="47"/>
        <source>&amp;Local API key:</source>
        <translation>&amp;Lokaler API-Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="48"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="54"/>
        <source>&lt;b&gt;Tried in this order&lt;/b&gt;</source>
        <translation>&lt;b&gt;In dieser Reihenfolge versucht&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="56"/>
        <source>&lt;b&gt;Not used&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nicht verwendet&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="78"/>
        <source>unnamed</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="109"/>
        <source>Pick a local key and name a model.</source>
        <translation>Wählen Sie einen lokalen Schlüssel und geben Sie ein Modell an.</translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="130"/>
        <source>No key would serve “%1” now.</source>
        <translation>Derzeit würde kein Schlüssel „%1“ bedienen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/route/RoutePreviewPage.cpp" line="132"/>
        <source>A request for “%1” would be tried on %n key(s).</source>
        <translation>
            <numerusform>Eine Anfrage für „%1“ würde mit %n Schlüssel versucht.</numerusform>
            <numerusform>Eine Anfrage für „%1“ würde mit %n Schlüsseln versucht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/route/RoutePreviewPage.cpp" line="140"/>
        <source>%1 (a trial after failures)</source>
        <translation>%1 (Testversuch nach Fehlern)</translation>
    </message>
</context>
<context>
    <name>Router</name>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="22"/>
        <source>The request body is not valid JSON: %1 at offset %2</source>
        <translation>Der Rumpf der Anfrage ist kein gültiges JSON: %1 an Position %2</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="27"/>
        <source>The request body must be a JSON object</source>
        <translation>Der Rumpf der Anfrage muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="45"/>
        <location filename="../router/inbound/ClientCallReader.cpp" line="109"/>
        <source>model: a model id is required</source>
        <translation>model: eine Modell-ID ist erforderlich</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="48"/>
        <source>messages: a list of messages is required</source>
        <translation>messages: eine Liste von Nachrichten ist erforderlich</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="52"/>
        <source>max_tokens: a whole number of 1 or more is required</source>
        <translation>max_tokens: eine ganze Zahl ab 1 ist erforderlich</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="76"/>
        <source>&quot;model&quot; must be a model id</source>
        <translation>&quot;model&quot; muss eine Modell-ID sein</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="79"/>
        <location filename="../router/inbound/ClientCallReader.cpp" line="82"/>
        <source>&quot;models&quot; must be a list of model ids</source>
        <translation>&quot;models&quot; muss eine Liste von Modell-IDs sein</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="87"/>
        <source>The request names no model</source>
        <translation>Die Anfrage nennt kein Modell</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="113"/>
        <source>input: a text or a list of input items is required</source>
        <translation>input: ein Text oder eine Liste von Eingabeelementen ist erforderlich</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="145"/>
        <source>There is no method %1 of models</source>
        <translation>Es gibt keine Methode %1 für Modelle</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="157"/>
        <source>The path names no model</source>
        <translation>Der Pfad nennt kein Modell</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="165"/>
        <source>contents: a list of contents is required</source>
        <translation>contents: eine Liste von Inhalten ist erforderlich</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="168"/>
        <source>contents or generateContentRequest is required</source>
        <translation>contents oder generateContentRequest ist erforderlich</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="170"/>
        <source>content: the content to embed is required</source>
        <translation>content: der einzubettende Inhalt ist erforderlich</translation>
    </message>
    <message>
        <location filename="../router/inbound/ClientCallReader.cpp" line="173"/>
        <source>requests: a list of embedding requests is required</source>
        <translation>requests: eine Liste von Embedding-Anfragen ist erforderlich</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="144"/>
        <source>The Host header must name this machine&apos;s loopback address</source>
        <translation>Der Host-Header muss die Loopback-Adresse dieses Rechners nennen</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="152"/>
        <source>Requests from web pages are not accepted (Origin: %1)</source>
        <translation>Anfragen von Webseiten werden nicht angenommen (Origin: %1)</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="168"/>
        <source>A local API key is required (Authorization: Bearer kw-…, x-api-key or x-goog-api-key)</source>
        <translation>Ein lokaler API-Schlüssel ist erforderlich (Authorization: Bearer kw-…, x-api-key oder x-goog-api-key)</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="244"/>
        <location filename="../router/Router.cpp" line="331"/>
        <source>There is no endpoint %1</source>
        <translation>Es gibt keinen Endpunkt %1</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="252"/>
        <source>%1 expects %2</source>
        <translation>%1 erwartet %2</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="170"/>
        <source>This local API key is not known, or it was revoked</source>
        <translation>Dieser lokale API-Schlüssel ist unbekannt oder wurde widerrufen</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="293"/>
        <source>Previous response with id &apos;%1&apos; not found. Keyway knows the responses that OpenAI or Azure keep for it since it started; send the whole conversation in input (store: false) to go through any key.</source>
        <translation>Vorherige Antwort mit der ID „%1“ nicht gefunden. Keyway kennt die Antworten, die OpenAI oder Azure seit seinem Start für es aufbewahren; senden Sie die ganze Unterhaltung in input (store: false), um über jeden Schlüssel zu gehen.</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="337"/>
        <source>%1 expects POST</source>
        <translation>%1 erwartet POST</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="382"/>
        <source>models/%1 is not found for this local key</source>
        <translation>models/%1 ist für diesen lokalen Schlüssel nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="412"/>
        <source>Name the request: ?id=gen-…</source>
        <translation>Geben Sie die Anfrage an: ?id=gen-…</translation>
    </message>
    <message>
        <location filename="../router/Router.cpp" line="420"/>
        <source>No request %1 is known</source>
        <translation>Die Anfrage %1 ist unbekannt</translation>
    </message>
    <message>
        <location filename="../router/translate/GeminiEmbeddings.cpp" line="49"/>
        <source>Only text can be embedded by OpenAI-format keys</source>
        <translation>Schlüssel im OpenAI-Format können nur Text einbetten</translation>
    </message>
</context>
<context>
    <name>RouterHost</name>
    <message>
        <location filename="../app/routing/RouterHost.cpp" line="68"/>
        <source>The router has not started yet.</source>
        <translation>Der Router wurde noch nicht gestartet.</translation>
    </message>
    <message>
        <location filename="../app/routing/RouterHost.cpp" line="284"/>
        <source>The router could not listen on %1 port %2: %3</source>
        <translation>Der Router konnte nicht auf %1, Port %2 lauschen: %3</translation>
    </message>
</context>
<context>
    <name>SecretInput</name>
    <message>
        <location filename="../app/cli/SecretInput.cpp" line="84"/>
        <source>Cannot read the secret from standard input.</source>
        <translation>Das Geheimnis kann nicht von der Standardeingabe gelesen werden.</translation>
    </message>
    <message>
        <location filename="../app/cli/SecretInput.cpp" line="92"/>
        <source>No secret given: pass --secret-stdin and pipe the secret in, or run the command in a terminal to be asked for it.</source>
        <translation>Kein Geheimnis angegeben: Übergeben Sie --secret-stdin und leiten Sie das Geheimnis per Pipe ein, oder führen Sie den Befehl in einem Terminal aus, um danach gefragt zu werden.</translation>
    </message>
    <message>
        <location filename="../app/cli/SecretInput.cpp" line="112"/>
        <source>Standard input held no secret. Pipe it in, for example: pass show openai | keyway key add ... --secret-stdin</source>
        <translation>Die Standardeingabe enthielt kein Geheimnis. Leiten Sie es per Pipe ein, zum Beispiel: pass show openai | keyway key add ... --secret-stdin</translation>
    </message>
    <message>
        <location filename="../app/cli/SecretInput.cpp" line="114"/>
        <source>No secret was typed.</source>
        <translation>Es wurde kein Geheimnis eingegeben.</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <location filename="../app/cli/ServeCommand.cpp" line="24"/>
        <source>Run the router without the window until Ctrl-C. The port and bind address default to the settings (keyway settings get port).</source>
        <translation>Den Router ohne Fenster ausführen, bis Ctrl-C gedrückt wird. Port und Bind-Adresse stammen standardmäßig aus den Einstellungen (keyway settings get port).</translation>
    </message>
    <message>
        <location filename="../app/cli/ServeCommand.cpp" line="28"/>
        <source>Without the window (the only way).</source>
        <translation>Ohne Fenster (die einzige Möglichkeit).</translation>
    </message>
    <message>
        <location filename="../app/cli/ServeCommand.cpp" line="29"/>
        <source>Listen on this port; 0 picks a free one.</source>
        <translation>Auf diesem Port lauschen; 0 wählt einen freien.</translation>
    </message>
    <message>
        <location filename="../app/cli/ServeCommand.cpp" line="32"/>
        <source>Listen on this address.</source>
        <translation>Auf dieser Adresse lauschen.</translation>
    </message>
    <message>
        <location filename="../app/cli/ServeCommand.cpp" line="41"/>
        <source>--port must be a number from 0 to 65535.</source>
        <translation>--port muss eine Zahl von 0 bis 65535 sein.</translation>
    </message>
    <message>
        <location filename="../app/cli/ServeCommand.cpp" line="47"/>
        <source>--bind must be an IP address, such as 127.0.0.1.</source>
        <translation>--bind muss eine IP-Adresse sein, etwa 127.0.0.1.</translation>
    </message>
    <message>
        <location filename="../app/cli/ServeCommand.cpp" line="59"/>
        <source>Keyway is routing on %1 — press Ctrl-C to stop.</source>
        <translation>Keyway routet auf %1 – zum Beenden Ctrl-C drücken.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/ServeCommand.cpp" line="73"/>
        <source>Skipping %n key(s) until the keychain gives their secrets (asked again every %1 s): %2</source>
        <translation>
            <numerusform>%n Schlüssel wird übersprungen, bis der Schlüsselbund sein Geheimnis herausgibt (erneute Anfrage alle %1 s): %2</numerusform>
            <numerusform>%n Schlüssel werden übersprungen, bis der Schlüsselbund ihre Geheimnisse herausgibt (erneute Anfrage alle %1 s): %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/ServeCommand.cpp" line="79"/>
        <source>%1 of %n key(s) have no secret in the keychain and are skipped.</source>
        <translation>
            <numerusform>%1 von %n Schlüssel hat kein Geheimnis im Schlüsselbund und wird übersprungen.</numerusform>
            <numerusform>%1 von %n Schlüsseln haben kein Geheimnis im Schlüsselbund und werden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/ServeCommand.cpp" line="83"/>
        <source>Every key has its secret again.</source>
        <translation>Alle Schlüssel haben ihr Geheimnis wieder.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../app/settings/Settings.cpp" line="19"/>
        <source>TCP port of the router (0: any free port, chosen at each start)</source>
        <translation>TCP-Port des Routers (0: ein beliebiger freier Port, bei jedem Start neu gewählt)</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="21"/>
        <source>address the router listens on; anything but loopback exposes it to the network</source>
        <translation>Adresse, auf der der Router lauscht; alles außer Loopback macht ihn im Netzwerk erreichbar</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="24"/>
        <source>time to connect to an upstream</source>
        <translation>Zeit für den Verbindungsaufbau zu einem Upstream-Server</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="26"/>
        <source>time from sending a chat request to the upstream&apos;s response headers, while another key is left to try; beyond it the upstream counts as silent</source>
        <translation>Zeit vom Senden einer Chat-Anfrage bis zu den Antwort-Kopfzeilen des Anbieters, solange ein weiterer Schlüssel übrig ist; danach gilt der Anbieter als stumm</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="30"/>
        <source>time from the response headers to the first content event (a model thinking before its first token)</source>
        <translation>Zeit von den Antwort-Kopfzeilen bis zum ersten Inhaltsereignis (ein Modell, das vor seinem ersten Token nachdenkt)</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="34"/>
        <source>time for an answer that cannot be streamed (embeddings, token counts)</source>
        <translation>Zeit für eine Antwort, die nicht gestreamt werden kann (Embeddings, Token-Zählungen)</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="36"/>
        <source>longest silence inside a stream before it counts as stalled</source>
        <translation>längste Pause innerhalb eines Streams, bevor er als hängend gilt</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="38"/>
        <source>time one request may take over all its attempts</source>
        <translation>Zeit, die eine Anfrage über alle ihre Versuche hinweg dauern darf</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="40"/>
        <source>attempts one request may make over all keys</source>
        <translation>Versuche, die eine Anfrage über alle Schlüssel hinweg unternehmen darf</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="42"/>
        <source>how long a request may wait for a cooling key to come back</source>
        <translation>wie lange eine Anfrage darauf warten darf, dass ein abkühlender Schlüssel wieder bereit ist</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="44"/>
        <source>days the activity log keeps requests</source>
        <translation>Tage, die das Aktivitätsprotokoll Anfragen aufbewahrt</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="46"/>
        <source>size the activity log may grow to</source>
        <translation>Größe, die das Aktivitätsprotokoll erreichen darf</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="74"/>
        <source>Unknown setting &quot;%1&quot;. Known settings: %2.</source>
        <translation>Unbekannte Einstellung „%1“. Bekannte Einstellungen: %2.</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="82"/>
        <source>&quot;%1&quot; is not an IP address such as 127.0.0.1 or ::1.</source>
        <translation>„%1“ ist keine IP-Adresse wie 127.0.0.1 oder ::1.</translation>
    </message>
    <message>
        <location filename="../app/settings/Settings.cpp" line="88"/>
        <source>%1 takes a whole number from %2 to %3.</source>
        <translation>%1 erwartet eine ganze Zahl von %2 bis %3.</translation>
    </message>
</context>
<context>
    <name>SettingsCommands</name>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="25"/>
        <source>List every setting with its value and default.</source>
        <translation>Alle Einstellungen mit Wert und Standardwert auflisten.</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="26"/>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="38"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="38"/>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="38"/>
        <source>DEFAULT</source>
        <translation>STANDARD</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="38"/>
        <source>MEANING</source>
        <translation>BEDEUTUNG</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="57"/>
        <source>Print one setting&apos;s value.</source>
        <translation>Den Wert einer Einstellung ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="58"/>
        <source>Change one setting.</source>
        <translation>Eine Einstellung ändern.</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="59"/>
        <source>Put one setting back to its default.</source>
        <translation>Eine Einstellung auf ihren Standardwert zurücksetzen.</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="61"/>
        <source>The setting (see keyway settings list).</source>
        <translation>Die Einstellung (siehe keyway settings list).</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="63"/>
        <source>Its new value.</source>
        <translation>Ihr neuer Wert.</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="68"/>
        <source>Give a setting&apos;s name and its value.</source>
        <translation>Geben Sie den Namen einer Einstellung und ihren Wert an.</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="69"/>
        <source>Give one setting&apos;s name.</source>
        <translation>Geben Sie den Namen genau einer Einstellung an.</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="93"/>
        <source>keyway: warning: the router will accept connections from the network at %1; every request still needs a local API key.</source>
        <translation>keyway: Warnung: Der Router nimmt auf %1 Verbindungen aus dem Netzwerk an; jede Anfrage benötigt weiterhin einen lokalen API-Schlüssel.</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="98"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="113"/>
        <source>every setting with its value and default</source>
        <translation>alle Einstellungen mit Wert und Standardwert</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="114"/>
        <source>one setting&apos;s value</source>
        <translation>der Wert einer Einstellung</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="115"/>
        <source>change one setting</source>
        <translation>eine Einstellung ändern</translation>
    </message>
    <message>
        <location filename="../app/cli/SettingsCommands.cpp" line="116"/>
        <source>put one setting back to its default</source>
        <translation>eine Einstellung auf ihren Standardwert zurücksetzen</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="30"/>
        <source>Port (0: any free one):</source>
        <translation>Port (0: beliebiger freier):</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="31"/>
        <source>Bind address:</source>
        <translation>Bind-Adresse:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="33"/>
        <source>Connect timeout:</source>
        <translation>Zeitlimit für Verbindungsaufbau:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="41"/>
        <source>Stream idle timeout:</source>
        <translation>Zeitlimit für Stream-Pausen:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="43"/>
        <source>Deadline per request:</source>
        <translation>Frist pro Anfrage:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="45"/>
        <source>Attempts per request:</source>
        <translation>Versuche pro Anfrage:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="47"/>
        <source>Wait for a cooling key:</source>
        <translation>Warten auf abkühlenden Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="49"/>
        <source>Keep the activity log for:</source>
        <translation>Aktivitätsprotokoll aufbewahren für:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="51"/>
        <source>Activity log at most:</source>
        <translation>Aktivitätsprotokoll höchstens:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="60"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="62"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="64"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="105"/>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="113"/>
        <source>Start Keyway when I log in</source>
        <translation>Keyway bei der Anmeldung starten</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="117"/>
        <source>Start minimised to the tray</source>
        <translation>Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="195"/>
        <source>Saved; the router uses the new values now.</source>
        <translation>Gespeichert; der Router verwendet jetzt die neuen Werte.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="171"/>
        <source>Bind beyond this computer?</source>
        <translation>Auch außerhalb dieses Computers erreichbar machen?</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="35"/>
        <source>Response headers timeout:</source>
        <translation>Zeitlimit für Antwort-Kopfzeilen:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="37"/>
        <source>First event timeout:</source>
        <translation>Zeitlimit für das erste Ereignis:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="39"/>
        <source>Unstreamed answer timeout:</source>
        <translation>Zeitlimit für ungestreamte Antworten:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="172"/>
        <source>On %1 the router can be reached from your network. Anyone there who has or guesses a local API key can spend your provider keys. Bind there anyway?</source>
        <translation>Auf %1 ist der Router aus Ihrem Netzwerk erreichbar. Jeder dort, der einen lokalen API-Schlüssel kennt oder errät, kann Ihre Anbieterschlüssel verbrauchen. Trotzdem an diese Adresse binden?</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="185"/>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="224"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>SqlDatabase</name>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="60"/>
        <source>No database file was given.</source>
        <translation>Es wurde keine Datenbankdatei angegeben.</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="65"/>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 ist ein Ordner, keine Datenbankdatei.</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="68"/>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Der Ordner %1 für die Datenbank kann nicht erstellt werden.</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="144"/>
        <source>The database %1 was written by a newer Keyway (schema %2; this version knows up to %3). Update Keyway.</source>
        <translation>Die Datenbank %1 wurde von einer neueren Keyway-Version geschrieben (Schema %2; diese Version kennt bis %3). Aktualisieren Sie Keyway.</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="280"/>
        <source>The database %1 is locked by another program (waited %2 s). Close the other Keyway or SQLite tool and try again.</source>
        <translation>Die Datenbank %1 ist von einem anderen Programm gesperrt (%2 s gewartet). Schließen Sie das andere Keyway oder SQLite-Werkzeug und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="287"/>
        <source>%1 is not a Keyway database or is damaged. Move it aside to start afresh, or restore a backup.</source>
        <translation>%1 ist keine Keyway-Datenbank oder ist beschädigt. Verschieben Sie die Datei, um neu zu beginnen, oder stellen Sie eine Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="292"/>
        <source>Cannot open the database %1 for writing: %2. Check that its folder exists and is writable.</source>
        <translation>Die Datenbank %1 kann nicht zum Schreiben geöffnet werden: %2. Prüfen Sie, ob ihr Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="298"/>
        <source>The database %1 is read-only: Keyway may not write to the file or its folder. Check their permissions and that the disk is not mounted read-only.</source>
        <translation>Die Datenbank %1 ist schreibgeschützt: Keyway darf weder die Datei noch ihren Ordner beschreiben. Prüfen Sie deren Berechtigungen und ob der Datenträger schreibgeschützt eingehängt ist.</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="305"/>
        <source>Could not write to the database %1 (%2). The disk may be full or the file over a size limit; nothing was changed. Free some space and try again.</source>
        <translation>In die Datenbank %1 konnte nicht geschrieben werden (%2). Der Datenträger ist vielleicht voll oder die Datei über einer Größengrenze; es wurde nichts geändert. Schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="310"/>
        <source>The change conflicts with what is stored: %1</source>
        <translation>Die Änderung steht im Konflikt mit den gespeicherten Daten: %1</translation>
    </message>
    <message>
        <location filename="../app/sql/SqlDatabase.cpp" line="313"/>
        <source>The database %1 reported an error: %2</source>
        <translation>Die Datenbank %1 meldete einen Fehler: %2</translation>
    </message>
</context>
<context>
    <name>TagEdit</name>
    <message>
        <location filename="../ui/widgets/TagEdit.cpp" line="166"/>
        <location filename="../ui/widgets/TagEdit.cpp" line="167"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <location filename="../router/core/Tier.cpp" line="23"/>
        <source>Prioritized</source>
        <translation>Priorisiert</translation>
    </message>
    <message>
        <location filename="../router/core/Tier.cpp" line="25"/>
        <source>Shared capacity</source>
        <translation>Geteilte Kapazität</translation>
    </message>
    <message>
        <location filename="../router/core/Tier.cpp" line="27"/>
        <source>Fallback</source>
        <translation>Reserve</translation>
    </message>
</context>
<context>
    <name>TierListModel</name>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="29"/>
        <source>secret missing</source>
        <translation>Geheimnis fehlt</translation>
    </message>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="31"/>
        <source>plain HTTP refused</source>
        <translation>unverschlüsseltes HTTP abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="38"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="38"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="44"/>
        <source>cooling down · %1</source>
        <translation>kühlt ab · %1</translation>
    </message>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="47"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="50"/>
        <source>out of credit · %1</source>
        <translation>kein Guthaben · %1</translation>
    </message>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="53"/>
        <source>failing · retry in %1</source>
        <translation>fehlerhaft · neuer Versuch in %1</translation>
    </message>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="53"/>
        <source>failing · retrying</source>
        <translation>fehlerhaft · neuer Versuch läuft</translation>
    </message>
    <message>
        <location filename="../ui/keys/TierListModel.cpp" line="56"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/keys/TierListModel.cpp" line="90"/>
        <source>%n request(s) this month</source>
        <translation>
            <numerusform>%n Anfrage in diesem Monat</numerusform>
            <numerusform>%n Anfragen in diesem Monat</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierRules</name>
    <message>
        <location filename="../app/domain/TierRules.cpp" line="7"/>
        <source>&quot;%1&quot; forbids shared capacity, so it must stay in Prioritized. Change its shared-capacity option first.</source>
        <translation>„%1“ verbietet geteilte Kapazität und muss daher in „Priorisiert“ bleiben. Ändern Sie zuerst seine Option für geteilte Kapazität.</translation>
    </message>
</context>
<context>
    <name>TokenCommands</name>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="30"/>
        <source>Create a local API key for tools to present to the router. The token is printed once.</source>
        <translation>Einen lokalen API-Schlüssel erstellen, den Werkzeuge dem Router vorlegen. Das Token wird einmalig ausgegeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="33"/>
        <source>Owner (default: me).</source>
        <translation>Besitzer (Standard: me).</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="33"/>
        <location filename="../app/cli/TokenCommands.cpp" line="34"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="34"/>
        <source>Workspace (default: Personal).</source>
        <translation>Arbeitsbereich (Standard: Personal).</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="35"/>
        <source>What the token is for (&quot;aider on laptop&quot;).</source>
        <translation>Wofür das Token ist („aider auf dem Laptop“).</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="35"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="36"/>
        <location filename="../app/cli/TokenCommands.cpp" line="64"/>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="53"/>
        <source>Created local API key %1. This is the only time the token is shown; &quot;keyway token list&quot; shows it masked.</source>
        <translation>Lokaler API-Schlüssel %1 erstellt. Das Token wird nur dieses eine Mal angezeigt; „keyway token list“ zeigt es maskiert.</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="63"/>
        <source>List local API keys, tokens masked.</source>
        <translation>Lokale API-Schlüssel auflisten, Token maskiert.</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="99"/>
        <source>No local API keys yet. Create one with: keyway token create</source>
        <translation>Noch keine lokalen API-Schlüssel. Erstellen Sie einen mit: keyway token create</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="103"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="103"/>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="103"/>
        <source>MEMBER</source>
        <translation>MITGLIED</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="103"/>
        <source>WORKSPACE</source>
        <translation>ARBEITSBEREICH</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="104"/>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="104"/>
        <source>LAST USED</source>
        <translation>ZULETZT VERWENDET</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="104"/>
        <source>STATE</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="104"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="108"/>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="108"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="121"/>
        <source>The local API key&apos;s id.</source>
        <translation>Die ID des lokalen API-Schlüssels.</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="124"/>
        <source>local API key</source>
        <translation>lokalen API-Schlüssels</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="136"/>
        <source>Revoke a local API key: the router refuses it from now on.</source>
        <translation>Einen lokalen API-Schlüssel widerrufen: Der Router weist ihn ab sofort ab.</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="142"/>
        <source>keyway: warning: %1</source>
        <translation>keyway: Warnung: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="143"/>
        <source>Revoked local API key %1.</source>
        <translation>Lokaler API-Schlüssel %1 wurde widerrufen.</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="151"/>
        <source>Print a local API key&apos;s token again, from the keychain.</source>
        <translation>Das Token eines lokalen API-Schlüssels erneut aus dem Schlüsselbund ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="176"/>
        <source>create a local API key and print it once</source>
        <translation>einen lokalen API-Schlüssel erstellen und einmalig ausgeben</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="177"/>
        <source>list local API keys, masked</source>
        <translation>lokale API-Schlüssel maskiert auflisten</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="178"/>
        <source>refuse a local API key from now on</source>
        <translation>einen lokalen API-Schlüssel ab sofort abweisen</translation>
    </message>
    <message>
        <location filename="../app/cli/TokenCommands.cpp" line="180"/>
        <source>print a local API key again, from the keychain</source>
        <translation>einen lokalen API-Schlüssel erneut aus dem Schlüsselbund ausgeben</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="68"/>
        <source>Create a local API key</source>
        <translation>Lokalen API-Schlüssel erstellen</translation>
    </message>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="81"/>
        <source>Local API key</source>
        <translation>Lokaler API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="82"/>
        <source>Reading the token from the keychain…</source>
        <translation>Token wird aus dem Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="99"/>
        <source>What uses it, e.g. laptop, ci, Claude Code</source>
        <translation>Was ihn nutzt, z. B. Laptop, CI, Claude Code</translation>
    </message>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="106"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="107"/>
        <source>&amp;Member:</source>
        <translation>&amp;Mitglied:</translation>
    </message>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="108"/>
        <source>&amp;Workspace:</source>
        <translation>A&amp;rbeitsbereich:</translation>
    </message>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="110"/>
        <source>C&amp;reate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="122"/>
        <source>Copy the token now: it is shown this once. (It stays in your keychain, where Keyway can show it again after asking.)</source>
        <translation>Kopieren Sie das Token jetzt: Es wird nur dieses eine Mal angezeigt. (Es bleibt in Ihrem Schlüsselbund, aus dem Keyway es nach Rückfrage erneut anzeigen kann.)</translation>
    </message>
    <message>
        <location filename="../ui/access/TokenDialog.cpp" line="132"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>TokenService</name>
    <message>
        <location filename="../app/access/TokenService.cpp" line="66"/>
        <source>The token is revoked, but its copy in the keychain could not be removed: %1</source>
        <translation>Das Token wurde widerrufen, aber seine Kopie im Schlüsselbund konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/access/TokenService.cpp" line="78"/>
        <source>Local API key %1 is revoked; its token is gone.</source>
        <translation>Der lokale API-Schlüssel %1 ist widerrufen; sein Token existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../app/access/TokenService.cpp" line="84"/>
        <source>Unknown or revoked local API key.</source>
        <translation>Unbekannter oder widerrufener lokaler API-Schlüssel.</translation>
    </message>
</context>
<context>
    <name>UsagePage</name>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="26"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="26"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="26"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="26"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="26"/>
        <source>Failovers</source>
        <translation>Failover</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="27"/>
        <source>Rate limits</source>
        <translation>Ratenlimits</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="27"/>
        <source>Prompt tokens</source>
        <translation>Prompt-Token</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="27"/>
        <source>Completion tokens</source>
        <translation>Antwort-Token</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="27"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="33"/>
        <source>Costs are estimates from the model catalog&apos;s list prices and the tokens each provider reported; &quot;—&quot; means the catalog has no price for the models used. Your provider&apos;s bill is what counts.</source>
        <translation>Kosten sind Schätzungen aus den Listenpreisen des Modellkatalogs und den von jedem Anbieter gemeldeten Token; „—“ heißt, dass der Katalog für die verwendeten Modelle keinen Preis kennt. Maßgeblich ist die Rechnung Ihres Anbieters.</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="37"/>
        <source>&lt;b&gt;Requests per day&lt;/b&gt; (last 30 days)</source>
        <translation>&lt;b&gt;Anfragen pro Tag&lt;/b&gt; (letzte 30 Tage)</translation>
    </message>
    <message>
        <location filename="../ui/usage/UsagePage.cpp" line="39"/>
        <source>&lt;b&gt;Per key and month&lt;/b&gt;</source>
        <translation>&lt;b&gt;Pro Schlüssel und Monat&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/usage/UsagePage.cpp" line="96"/>
        <source>%n request(s) of this period are not in the activity log: it could not write them in time. Their use is counted above.</source>
        <translation>
            <numerusform>%n Anfrage dieses Zeitraums ist nicht im Aktivitätsprotokoll: Es konnte sie nicht rechtzeitig schreiben. Ihre Nutzung ist oben mitgezählt.</numerusform>
            <numerusform>%n Anfragen dieses Zeitraums sind nicht im Aktivitätsprotokoll: Es konnte sie nicht rechtzeitig schreiben. Ihre Nutzung ist oben mitgezählt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserCatalog</name>
    <message>
        <location filename="../app/catalog/UserCatalog.cpp" line="56"/>
        <location filename="../app/catalog/UserCatalog.cpp" line="83"/>
        <source>&quot;%1&quot; already names the model %2.</source>
        <translation>„%1“ nennt bereits das Modell %2.</translation>
    </message>
    <message>
        <location filename="../app/catalog/UserCatalog.cpp" line="73"/>
        <source>An alias cannot contain &quot;*&quot; or &quot;?&quot;.</source>
        <translation>Ein Alias darf weder „*“ noch „?“ enthalten.</translation>
    </message>
    <message>
        <location filename="../app/catalog/UserCatalog.cpp" line="80"/>
        <source>The catalog has no model &quot;%1&quot; (see keyway model list).</source>
        <translation>Der Katalog hat kein Modell „%1“ (siehe keyway model list).</translation>
    </message>
    <message>
        <location filename="../app/catalog/UserCatalog.cpp" line="93"/>
        <source>Removed the alias &quot;%1&quot;.</source>
        <translation>Alias „%1“ entfernt.</translation>
    </message>
    <message>
        <location filename="../app/catalog/UserCatalog.cpp" line="98"/>
        <source>Removed the model %1.</source>
        <translation>Modell %1 entfernt.</translation>
    </message>
    <message>
        <location filename="../app/catalog/UserCatalog.cpp" line="100"/>
        <source>&quot;%1&quot; is neither a model you added nor an alias; the built-in models stay.</source>
        <translation>„%1“ ist weder ein selbst hinzugefügtes Modell noch ein Alias; die eingebauten Modelle bleiben.</translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message>
        <location filename="../app/vault/Vault.cpp" line="62"/>
        <source>No keychain is reachable. On Linux install and start GNOME Keyring (apt install gnome-keyring libsecret-1-0) or KWallet in your desktop session, so that org.freedesktop.secrets answers on the session bus. Keyway never stores secrets in plain text.</source>
        <translation>Kein Schlüsselbund erreichbar. Installieren und starten Sie unter Linux GNOME Keyring (apt install gnome-keyring libsecret-1-0) oder KWallet in Ihrer Desktop-Sitzung, damit org.freedesktop.secrets auf dem Sitzungsbus antwortet. Keyway speichert Geheimnisse niemals im Klartext.</translation>
    </message>
    <message>
        <location filename="../app/vault/Vault.cpp" line="67"/>
        <source>The keychain refused access. Unlock it (for GNOME Keyring, the &quot;login&quot; keyring in Passwords and Keys) and allow Keyway, then try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert. Entsperren Sie ihn (bei GNOME Keyring den Schlüsselbund „Anmeldung“ in „Passwörter und Verschlüsselung“), erlauben Sie Keyway den Zugriff und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../app/vault/Vault.cpp" line="70"/>
        <source>The system does not let Keyway talk to the keychain (a sandbox or a security policy such as Flatpak, Snap, AppArmor or SELinux). Allow it to reach org.freedesktop.secrets on the session bus, then try again.</source>
        <translation>Das System lässt Keyway nicht mit dem Schlüsselbund sprechen (eine Sandbox oder eine Sicherheitsrichtlinie wie Flatpak, Snap, AppArmor oder SELinux). Erlauben Sie den Zugriff auf org.freedesktop.secrets am Sitzungsbus und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/vault/Vault.cpp" line="76"/>
        <source>The keychain reported an error. If it is locked, unlock it and try again.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet. Falls er gesperrt ist, entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/vault/Vault.cpp" line="83"/>
        <source>(Keychain said: %1)</source>
        <translation>(Meldung des Schlüsselbunds: %1)</translation>
    </message>
    <message>
        <location filename="../app/vault/Vault.cpp" line="90"/>
        <source>The keychain did not answer within %1 s. It may be locked and waiting for a password prompt: unlock it and try again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet. Möglicherweise ist er gesperrt und wartet auf eine Passworteingabe: Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/vault/Vault.cpp" line="154"/>
        <source>The keychain has no entry %1.</source>
        <translation>Der Schlüsselbund hat keinen Eintrag %1.</translation>
    </message>
</context>
</TS>
