<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Authority</name>
    <message>
        <location filename="../../station/roles.py" line="113"/>
        <source>Only a technician may {0}: user {1} is not in the technicians list.</source>
        <translation>Nur ein Techniker darf {0}: Benutzer {1} steht nicht in der Technikerliste.</translation>
    </message>
    <message>
        <location filename="../../station/roles.py" line="117"/>
        <source>Only a technician may {0}: sign-in cancelled.</source>
        <translation>Nur ein Techniker darf {0}: Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../station/roles.py" line="121"/>
        <source>The two PINs differ; no PIN was set.</source>
        <translation>Die beiden PINs unterscheiden sich; keine PIN gesetzt.</translation>
    </message>
    <message>
        <location filename="../../station/roles.py" line="128"/>
        <source>Wrong PIN: only a technician may {0}.</source>
        <translation>Falsche PIN: nur ein Techniker darf {0}.</translation>
    </message>
</context>
<context>
    <name>BenchBar</name>
    <message>
        <location filename="../../ui/bench_bar.py" line="21"/>
        <source>Accept (A)</source>
        <translation>Annehmen (A)</translation>
    </message>
    <message>
        <location filename="../../ui/bench_bar.py" line="22"/>
        <source>Reject (X)</source>
        <translation>Ausschleusen (X)</translation>
    </message>
    <message>
        <location filename="../../ui/bench_bar.py" line="38"/>
        <source>REVIEW part #{0}: accept or reject it</source>
        <translation>PRÜFEN-Teil #{0}: annehmen oder ausschleusen</translation>
    </message>
</context>
<context>
    <name>BenchController</name>
    <message>
        <location filename="../../station/bench_controller.py" line="44"/>
        <source>accepted at the bench</source>
        <translation>am Platz angenommen</translation>
    </message>
    <message>
        <location filename="../../station/bench_controller.py" line="46"/>
        <source>rejected at the bench</source>
        <translation>am Platz ausgeschleust</translation>
    </message>
    <message>
        <location filename="../../station/bench_controller.py" line="48"/>
        <source>Part #{0} {1} at the bench.</source>
        <translation>Teil #{0} am Platz {1}.</translation>
    </message>
    <message>
        <location filename="../../station/bench_controller.py" line="49"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location filename="../../station/bench_controller.py" line="49"/>
        <source>rejected</source>
        <translation>ausgeschleust</translation>
    </message>
    <message>
        <location filename="../../station/bench_controller.py" line="62"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>CamTab</name>
    <message>
        <location filename="../../ui/cam_tab.py" line="22"/>
        <source>Classifier layer(s) the CAM is taken at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cam_tab.py" line="32"/>
        <source>Train the defect classifier…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraSource</name>
    <message>
        <location filename="../../station/camera.py" line="136"/>
        <source>no answer within {0:.0f} s</source>
        <translation>keine Antwort innerhalb von {0:.0f} s</translation>
    </message>
    <message>
        <location filename="../../station/camera.py" line="137"/>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <location filename="../../station/camera.py" line="141"/>
        <source>{0}: {1}, retrying in {2:.0f} s</source>
        <translation>{0}: {1}, neuer Versuch in {2:.0f} s</translation>
    </message>
    <message>
        <location filename="../../station/camera.py" line="149"/>
        <source>after {0:.1f} s</source>
        <translation>nach {0:.1f} s</translation>
    </message>
    <message>
        <location filename="../../station/camera.py" line="150"/>
        <source>{0}: connected</source>
        <translation>{0}: verbunden</translation>
    </message>
    <message>
        <location filename="../../station/camera.py" line="157"/>
        <source>{0}: {1}, reconnecting</source>
        <translation>{0}: {1}, verbinde neu</translation>
    </message>
    <message>
        <location filename="../../station/camera.py" line="183"/>
        <source>a read blocked for {0:.1f} s</source>
        <translation>ein Lesevorgang hing {0:.1f} s</translation>
    </message>
    <message>
        <location filename="../../station/camera.py" line="184"/>
        <source>stopped delivering frames</source>
        <translation>liefert keine Bilder mehr</translation>
    </message>
    <message>
        <source>{0}: no signal, retrying in {1:.0f} s</source>
        <translation type="vanished">{0}: kein Signal, neuer Versuch in {1:.0f} s</translation>
    </message>
    <message>
        <source>{0}: stopped delivering frames, reconnecting</source>
        <translation type="vanished">{0}: liefert keine Bilder mehr, verbinde neu</translation>
    </message>
</context>
<context>
    <name>CategoryBar</name>
    <message>
        <location filename="../../ui/category_bar.py" line="35"/>
        <source>Facts…</source>
        <translation>Fakten…</translation>
    </message>
    <message>
        <location filename="../../ui/category_bar.py" line="36"/>
        <source>Threshold, part mask, self-test on synthetic defects, classifier</source>
        <translation>Schwelle, Teilemaske, Selbsttest mit synthetischen Fehlern, Klassifikator</translation>
    </message>
    <message>
        <location filename="../../ui/category_bar.py" line="37"/>
        <source>New category…</source>
        <translation>Neue Kategorie…</translation>
    </message>
    <message>
        <location filename="../../ui/category_bar.py" line="40"/>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
</context>
<context>
    <name>CategoryController</name>
    <message>
        <location filename="../../station/category_controller.py" line="56"/>
        <source>{0} holds {1} images; at least 2 good images are needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/category_controller.py" line="61"/>
        <source>Training {0} on {1} good images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/category_controller.py" line="82"/>
        <source>Training, {0}: {1} of {2}</source>
        <translation type="unfinished">Training, {0}: {1} von {2}</translation>
    </message>
    <message>
        <location filename="../../station/category_controller.py" line="91"/>
        <source>Done: {0} trained in {1:.0f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/category_controller.py" line="142"/>
        <source>{0}: no part mask or good image to draw on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/category_controller.py" line="174"/>
        <source>Part mask of {0} saved: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <location filename="../../ui/record_tables.py" line="29"/>
        <source>Change log</source>
        <translation type="unfinished">Änderungsprotokoll</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>Old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="33"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="33"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/compare_dialog.py" line="17"/>
        <source>Two models, one image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountersBox</name>
    <message>
        <location filename="../../ui/verdict_panel.py" line="208"/>
        <source>TOTAL</source>
        <translation>GESAMT</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="208"/>
        <source>PASS</source>
        <translation>IO</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="208"/>
        <source>FAIL</source>
        <translation>NIO</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="209"/>
        <source>REVIEW</source>
        <translation>PRÜFEN</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="209"/>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="209"/>
        <source>YIELD</source>
        <translation>AUSBEUTE</translation>
    </message>
</context>
<context>
    <name>ExplainController</name>
    <message>
        <location filename="../../station/explain_controller.py" line="86"/>
        <source>No explanation: this inspection was not judged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="88"/>
        <source>Inspection #{0}: explaining…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="89"/>
        <source>Inspection #{0}: stored explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="131"/>
        <source>Inspection #{0}: explained by model {1}{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="132"/>
        <source> in {0:.0f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="145"/>
        <source>LayerCAM of the anomaly score {0:.2f} at PatchCore&apos;s backbone layers {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="149"/>
        <source>{0} of the defect logit of model {1}, layer {2}; defect probability {3:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="154"/>
        <source>layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="156"/>
        <source>all layers combined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="166"/>
        <source>Inspection #{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="170"/>
        <source>Inspection #{0}: explaining at {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="181"/>
        <source>Choose a judged inspection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="186"/>
        <source>No other model to compare with: train another category first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="189"/>
        <source>Compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="189"/>
        <source>Model of category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="192"/>
        <source>Inspection #{0}: judging it with {1} too…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="205"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: verdicts {1} / {2}; anomaly maps correlate {3:.2f}; flagged areas overlap (IoU) {4:.2f}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="206"/>
        <source>They agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="206"/>
        <source>They DISAGREE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/explain_controller.py" line="211"/>
        <source>Inspection #{0}: compared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../../ui/explanation_panel.py" line="20"/>
        <source>Explanations appear here after each verdict.</source>
        <translation>Erklärungen erscheinen hier nach jedem Urteil.</translation>
    </message>
    <message>
        <location filename="../../ui/explanation_panel.py" line="25"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../../ui/explanation_panel.py" line="26"/>
        <source>Which features</source>
        <translation>Welche Merkmale</translation>
    </message>
    <message>
        <location filename="../../ui/explanation_panel.py" line="27"/>
        <source>Why this number</source>
        <translation>Warum dieser Wert</translation>
    </message>
    <message>
        <location filename="../../ui/explanation_panel.py" line="28"/>
        <source>Resembles</source>
        <translation>Ähnlich wie</translation>
    </message>
    <message>
        <location filename="../../ui/explanation_panel.py" line="29"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../ui/explanation_panel.py" line="30"/>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <location filename="../../ui/explanation_panel.py" line="31"/>
        <source>Judge this image with another category&apos;s model, side by side</source>
        <translation>Dieses Bild mit dem Modell einer anderen Kategorie beurteilen, nebeneinander</translation>
    </message>
</context>
<context>
    <name>FeedBar</name>
    <message>
        <location filename="../../ui/feed_bar.py" line="38"/>
        <source>Open images… (Ctrl+O)</source>
        <translation>Bilder öffnen… (Strg+O)</translation>
    </message>
    <message>
        <location filename="../../ui/feed_bar.py" line="39"/>
        <source>Watch folder… (Ctrl+W)</source>
        <translation>Ordner überwachen… (Strg+W)</translation>
    </message>
    <message>
        <location filename="../../ui/feed_bar.py" line="40"/>
        <source>Camera (Ctrl+K)</source>
        <translation>Kamera (Strg+K)</translation>
    </message>
    <message>
        <location filename="../../ui/feed_bar.py" line="42"/>
        <source>Trigger (Space)</source>
        <translation>Auslösen (Leertaste)</translation>
    </message>
    <message>
        <location filename="../../ui/feed_bar.py" line="44"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../ui/feed_bar.py" line="45"/>
        <source>Source: files (drop images here)</source>
        <translation>Quelle: Dateien (Bilder hierher ziehen)</translation>
    </message>
    <message>
        <location filename="../../ui/feed_bar.py" line="48"/>
        <source>Camera triggers that came while the previous frame was still being judged; they are dropped, never queued</source>
        <translation>Kamera-Auslösungen, die kamen, während das vorige Bild noch geprüft wurde; sie werden verworfen, nie eingereiht</translation>
    </message>
    <message>
        <location filename="../../ui/feed_bar.py" line="53"/>
        <source>Parts the station could not judge because of its own fault (not the part&apos;s): judge them again</source>
        <translation>Teile, die die Station wegen eines eigenen Fehlers (nicht des Teils) nicht prüfen konnte: erneut prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/feed_bar.py" line="65"/>
        <source>Retry {0} failed (Ctrl+Shift+R)</source>
        <translation>{0} Fehlgeschlagene erneut prüfen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location filename="../../ui/feed_bar.py" line="69"/>
        <source>Dropped: {0}</source>
        <translation>Verworfen: {0}</translation>
    </message>
</context>
<context>
    <name>FeedController</name>
    <message>
        <location filename="../../station/feed_controller.py" line="51"/>
        <source>Images to inspect</source>
        <translation>Zu prüfende Bilder</translation>
    </message>
    <message>
        <location filename="../../station/feed_controller.py" line="52"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <location filename="../../station/feed_controller.py" line="59"/>
        <source>Folder the line camera writes to</source>
        <translation>Ordner, in den die Linienkamera schreibt</translation>
    </message>
    <message>
        <location filename="../../station/feed_controller.py" line="73"/>
        <source>camera {0}</source>
        <translation>Kamera {0}</translation>
    </message>
    <message>
        <location filename="../../station/feed_controller.py" line="87"/>
        <source>by the operator</source>
        <translation>vom Bediener</translation>
    </message>
    <message>
        <location filename="../../station/feed_controller.py" line="89"/>
        <source>Camera stopped</source>
        <translation>Kamera gestoppt</translation>
    </message>
    <message>
        <location filename="../../station/feed_controller.py" line="98"/>
        <source>No camera frame to inspect: start the camera first.</source>
        <translation>Kein Kamerabild zu prüfen: zuerst die Kamera starten.</translation>
    </message>
    <message>
        <location filename="../../station/feed_controller.py" line="102"/>
        <source>Inspection is paused while {0}.</source>
        <translation>Die Prüfung ist angehalten, solange {0}.</translation>
    </message>
    <message>
        <source>{0} trigger(s) dropped, {1} this run</source>
        <translation type="vanished">{0} Auslösung(en) verworfen, {1} in diesem Lauf</translation>
    </message>
</context>
<context>
    <name>FolderWatcher</name>
    <message>
        <source>Watched folder not found: {0}</source>
        <translation type="vanished">Überwachter Ordner nicht gefunden: {0}</translation>
    </message>
    <message>
        <location filename="../../station/sources.py" line="72"/>
        <source>Watching {0}</source>
        <translation>Überwache {0}</translation>
    </message>
    <message>
        <location filename="../../station/sources.py" line="90"/>
        <source>{0} does not answer for {1:.0f} s (a stalled network share?); waiting for it</source>
        <translation>{0} antwortet seit {1:.0f} s nicht (Netzlaufwerk hängt?); warte darauf</translation>
    </message>
    <message>
        <location filename="../../station/sources.py" line="103"/>
        <source>the folder is not there (removed, renamed or not mounted)</source>
        <translation>der Ordner ist nicht da (gelöscht, umbenannt oder nicht eingehängt)</translation>
    </message>
    <message>
        <location filename="../../station/sources.py" line="112"/>
        <source>Cannot read watched folder {0}: {1}; retrying</source>
        <translation>Überwachter Ordner {0} nicht lesbar: {1}; neuer Versuch</translation>
    </message>
    <message>
        <location filename="../../station/sources.py" line="116"/>
        <source>Watching {0} again</source>
        <translation>Überwache {0} wieder</translation>
    </message>
    <message>
        <source>Cannot read watched folder: {0}</source>
        <translation type="vanished">Überwachter Ordner nicht lesbar: {0}</translation>
    </message>
</context>
<context>
    <name>HealthMonitor</name>
    <message>
        <location filename="../../station/health.py" line="32"/>
        <source>Data folder unreadable: {0}</source>
        <translation>Datenordner nicht lesbar: {0}</translation>
    </message>
    <message>
        <location filename="../../station/health.py" line="37"/>
        <source>Disk: {0:.1f} GB free</source>
        <translation>Platte: {0:.1f} GB frei</translation>
    </message>
    <message>
        <location filename="../../station/health.py" line="40"/>
        <source>Only {0:.1f} GB free in the data folder {1} (limit {2:.1f} GB): free space or shorten the retention.</source>
        <translation>Nur {0:.1f} GB frei im Datenordner {1} (Grenze {2:.1f} GB): Platz schaffen oder die Aufbewahrung verkürzen.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/history_panel.py" line="23"/>
        <source>All verdicts</source>
        <translation>Alle Urteile</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="27"/>
        <location filename="../../ui/history_panel.py" line="64"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="29"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <location filename="../../ui/image_pane.py" line="18"/>
        <source>Anomaly map (M)</source>
        <translation>Anomaliekarte (M)</translation>
    </message>
    <message>
        <location filename="../../ui/image_pane.py" line="27"/>
        <source>Fit (F)</source>
        <translation>Einpassen (F)</translation>
    </message>
    <message>
        <location filename="../../ui/image_pane.py" line="31"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
</context>
<context>
    <name>LineGuard</name>
    <message>
        <location filename="../../station/line_guard.py" line="42"/>
        <source>{0} part(s) waiting for a model: choose or train a category; they are judged as soon as one loads.</source>
        <translation>{0} Teil(e) warten auf ein Modell: eine Kategorie wählen oder trainieren; sie werden beurteilt, sobald eines geladen ist.</translation>
    </message>
    <message>
        <location filename="../../station/line_guard.py" line="51"/>
        <source>{0} waiting part(s) are judged now by {1}.</source>
        <translation>{0} wartende(s) Teil(e) werden jetzt von {1} beurteilt.</translation>
    </message>
    <message>
        <location filename="../../station/line_guard.py" line="65"/>
        <source>{0} part(s) could not be judged because of a station fault ({1}); Ctrl+Shift+R retries them.</source>
        <translation>{0} Teil(e) konnten wegen eines Fehlers der Station nicht geprüft werden ({1}); Strg+Umschalt+R prüft sie erneut.</translation>
    </message>
    <message>
        <location filename="../../station/line_guard.py" line="85"/>
        <source>Retrying {0} part(s).</source>
        <translation>Prüfe {0} Teil(e) erneut.</translation>
    </message>
    <message>
        <location filename="../../station/line_guard.py" line="100"/>
        <source>logging to the history fails ({0})</source>
        <translation>das Protokollieren im Verlauf fehlschlägt ({0})</translation>
    </message>
    <message>
        <location filename="../../station/line_guard.py" line="118"/>
        <source>Stopped: logging still fails ({0})</source>
        <translation>Angehalten: Protokollieren schlägt weiter fehl ({0})</translation>
    </message>
    <message>
        <location filename="../../station/line_guard.py" line="126"/>
        <source>Logging works again; {0} part(s) were not logged.</source>
        <translation>Protokollieren funktioniert wieder; {0} Teil(e) wurden nicht protokolliert.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station/main_window.py" line="47"/>
        <source>Inspection station</source>
        <translation>Prüfstation</translation>
    </message>
    <message>
        <source>Open images… (Ctrl+O)</source>
        <translation type="vanished">Bilder öffnen… (Strg+O)</translation>
    </message>
    <message>
        <source>Watch folder… (Ctrl+W)</source>
        <translation type="vanished">Ordner überwachen… (Strg+W)</translation>
    </message>
    <message>
        <source>Camera (Ctrl+K)</source>
        <translation type="vanished">Kamera (Strg+K)</translation>
    </message>
    <message>
        <source>Trigger (Space)</source>
        <translation type="vanished">Auslösen (Leertaste)</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="vanished">Auto</translation>
    </message>
    <message>
        <source>Source: files (drop images here)</source>
        <translation type="vanished">Quelle: Dateien (Bilder hierher ziehen)</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="80"/>
        <source>settings.ini: {0} not usable, the default is used.</source>
        <translation>settings.ini: {0} nicht verwendbar, der Standardwert gilt.</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="82"/>
        <source>The history database was damaged; it is kept as {0} and a fresh one was started.</source>
        <translation>Die Verlaufsdatenbank war beschädigt; sie liegt jetzt unter {0}, eine neue wurde angelegt.</translation>
    </message>
    <message>
        <source>Anomaly map (M)</source>
        <translation type="vanished">Anomaliekarte (M)</translation>
    </message>
    <message>
        <source>Fit (F)</source>
        <translation type="vanished">Einpassen (F)</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="vanished">Deckkraft</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="137"/>
        <location filename="../../station/main_window.py" line="356"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="185"/>
        <source>No trained category yet: click “New category…”.</source>
        <translation>Noch keine trainierte Kategorie: „Neue Kategorie…“ anklicken.</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="191"/>
        <source>Loading {0}…</source>
        <translation>{0} wird geladen…</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="201"/>
        <source>Feed a part: open, drop, watch a folder or trigger the camera.</source>
        <translation>Teil zuführen: öffnen, hineinziehen, Ordner überwachen oder Kamera auslösen.</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="205"/>
        <source>Model &apos;{0}&apos; could not be loaded: {1}</source>
        <translation>Modell &apos;{0}&apos; konnte nicht geladen werden: {1}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="217"/>
        <source>Paused ({0}): {1} part(s) waiting</source>
        <translation>Angehalten ({0}): {1} Teil(e) warten</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="355"/>
        <source>{0} part(s) waiting for a model</source>
        <translation>{0} Teil(e) warten auf ein Modell</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="397"/>
        <source>Station fault, not the part: {0}</source>
        <translation>Fehler der Station, nicht des Teils: {0}</translation>
    </message>
    <message>
        <source>Images to inspect</source>
        <translation type="vanished">Zu prüfende Bilder</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation type="vanished">Bilder (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Folder the line camera writes to</source>
        <translation type="vanished">Ordner, in den die Linienkamera schreibt</translation>
    </message>
    <message>
        <source>camera {0}</source>
        <translation type="vanished">Kamera {0}</translation>
    </message>
    <message>
        <source>Camera stopped</source>
        <translation type="vanished">Kamera gestoppt</translation>
    </message>
    <message>
        <source>No camera frame to inspect: start the camera first.</source>
        <translation type="vanished">Kein Kamerabild zu prüfen: zuerst die Kamera starten.</translation>
    </message>
    <message>
        <source>Inspection is paused while {0}.</source>
        <translation type="vanished">Die Prüfung ist angehalten, solange {0}.</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="282"/>
        <source>#{0} {1}</source>
        <translation>#{0} {1}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="293"/>
        <source>history #{0}, {1}</source>
        <translation>Verlauf #{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="335"/>
        <source>Paused: {0}</source>
        <translation>Angehalten: {0}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="347"/>
        <source>Inspecting: {0} of {1} done, {2} waiting</source>
        <translation>Prüfung: {0} von {1} fertig, {2} warten</translation>
    </message>
    <message>
        <source>Training, {0}: {1} of {2}</source>
        <translation type="vanished">Training, {0}: {1} von {2}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="367"/>
        <source>Leave the station?</source>
        <translation>Station verlassen?</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="368"/>
        <source>Stop inspecting and close the station?</source>
        <translation>Prüfung beenden und Station schließen?</translation>
    </message>
</context>
<context>
    <name>MaskEditorDialog</name>
    <message>
        <location filename="../../ui/mask_editor.py" line="117"/>
        <source>Part mask: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="119"/>
        <source>Rectangle (drag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="119"/>
        <source>Polygon (click corners, double-click to close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="130"/>
        <source>Green: the part as the station sees it now. Draw the part; defects will only be painted inside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="133"/>
        <source>Use this shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="134"/>
        <source>Learn again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="135"/>
        <source>Whole frame</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MasterController</name>
    <message>
        <location filename="../../station/master_controller.py" line="42"/>
        <source>register master parts</source>
        <translation>Meisterteile erfassen</translation>
    </message>
    <message>
        <location filename="../../station/master_controller.py" line="45"/>
        <source>Folder of {0}&apos;s master parts (with good/ and defect/ inside)</source>
        <translation>Ordner der Meisterteile von {0} (mit good/ und defect/ darin)</translation>
    </message>
    <message>
        <location filename="../../station/master_controller.py" line="51"/>
        <source>{0} master part(s) registered for {1}.</source>
        <translation>{0} Meisterteil(e) für {1} erfasst.</translation>
    </message>
    <message>
        <location filename="../../station/master_controller.py" line="60"/>
        <source>No master parts registered for {0}: a technician registers them (Master parts… ▸ register).</source>
        <translation>Keine Meisterteile für {0} erfasst: ein Techniker erfasst sie (Meisterteile erfassen…).</translation>
    </message>
    <message>
        <location filename="../../station/master_controller.py" line="85"/>
        <source>MASTER DEFECT PASSED</source>
        <translation>FEHLER-MEISTERTEIL ALS IO DURCHGELASSEN</translation>
    </message>
    <message>
        <location filename="../../station/master_controller.py" line="86"/>
        <source>The station passed {0} known-defect master part(s): {1}.

Do not run production: call a technician (threshold, lighting, camera, model).</source>
        <translation>Die Station hat {0} bekannt fehlerhafte(s) Meisterteil(e) als IO beurteilt: {1}.

Nicht produzieren: Techniker rufen (Schwelle, Beleuchtung, Kamera, Modell).</translation>
    </message>
    <message>
        <location filename="../../station/master_controller.py" line="91"/>
        <source>Master check: {0} of {1} as expected</source>
        <translation>Meisterteil-Prüfung: {0} von {1} wie erwartet</translation>
    </message>
    <message>
        <location filename="../../station/master_controller.py" line="93"/>
        <source>; NOT as expected: {0}</source>
        <translation>; NICHT wie erwartet: {0}</translation>
    </message>
    <message>
        <location filename="../../station/master_controller.py" line="102"/>
        <source>Start of shift: run the master-part check for {0} (Ctrl+M).</source>
        <translation>Schichtbeginn: Meisterteil-Prüfung für {0} durchführen (Strg+M).</translation>
    </message>
</context>
<context>
    <name>ModelFactsDialog</name>
    <message>
        <location filename="../../ui/model_facts.py" line="99"/>
        <source>Model facts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="102"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; model {1} {2}&lt;br&gt;{3} (stages {16}), input {4}x{5} px, memory bank {6} patches, {7} training + {8} held-out good images&lt;br&gt;&lt;b&gt;Threshold&lt;/b&gt; {9:.3f} ({10}, target false-reject rate {11:.0%}, from {15} good scores); good scores median {12:.2f}, p95 {13:.2f}, max {14:.2f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="109"/>
        <source>{0}; the map also from {1} against a bank of their own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="113"/>
        <source>&lt;b&gt;Part mask&lt;/b&gt;: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="113"/>
        <source>none stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="130"/>
        <source>Correct part mask…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/pin_dialog.py" line="11"/>
        <source>Technician sign-in</source>
        <translation>Techniker-Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="18"/>
        <source>Only a technician may {0}.</source>
        <translation>Nur ein Techniker darf {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="20"/>
        <source>This station has no technician PIN yet: choose one (4 digits or more).</source>
        <translation>Diese Station hat noch keine Techniker-PIN: eine wählen (mindestens 4 Ziffern).</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="22"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="23"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="25"/>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <location filename="../../station/station_actions.py" line="40"/>
        <source>Folder for the report of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="59"/>
        <source>Writing the report of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="65"/>
        <source>Report not written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="66"/>
        <source>Report written to {0} (report.pdf, report.html, inspections.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../station/review_controller.py" line="67"/>
        <source>  (now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="94"/>
        <source>&lt;b&gt;#{0}  {1}&lt;/b&gt;  score {2:.2f} (threshold {3:.2f}), {4}&lt;br&gt;{5}  ·  {6}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="98"/>
        <source>&lt;br&gt;&lt;span style=&apos;color:#b3141b&apos;&gt;image no longer on disk&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="99"/>
        <source>{0}: {1} by {2} ({3}){4}{5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="100"/>
        <source>good, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="101"/>
        <source> [revised]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="114"/>
        <source>decide on rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="124"/>
        <source>{0} to review, {1} decided, {2} open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="132"/>
        <source>New defect type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="133"/>
        <source>Defect type for {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="133"/>
        <source>all categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="155"/>
        <source>No overruled part of category {0} in this queue to learn from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="157"/>
        <source>change the model of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="160"/>
        <source>Learn from the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="161"/>
        <source>Add {0} overruled part(s) to the good set of {1}?

Extend: the memory bank grows, the threshold is recalibrated (seconds).
Rebuild: full training on all good images (minutes).

Either way a new model version is made; the current one is kept and can be made active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="166"/>
        <source>Extend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="167"/>
        <source>Rebuild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="172"/>
        <source>{0} part(s) overruled as good in review of {1} by {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="174"/>
        <source>Making a new version of {0} ({1})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/review_controller.py" line="182"/>
        <source>{0}: new model version {1} is active ({2}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../ui/review_view.py" line="37"/>
        <source>· open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="38"/>
        <source>Review of a shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="42"/>
        <source>PASS parts too (to record escapes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="45"/>
        <source>Back to inspection (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="46"/>
        <source>Shift report…</source>
        <translation type="unfinished">Schichtbericht…</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="47"/>
        <source>Add overruled parts to the good set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="49"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="49"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="68"/>
        <source>Nothing to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="76"/>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="77"/>
        <source>New type…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="78"/>
        <source>Confirm defect (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="80"/>
        <source>Overrule as good (G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="82"/>
        <source>◀ Previous (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="82"/>
        <source>Skip (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="83"/>
        <source>Next (N) ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="85"/>
        <source>Defect type (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="88"/>
        <source>Reason to overrule (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="90"/>
        <source>Note (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="151"/>
        <source>All categories</source>
        <translation type="unfinished">Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="180"/>
        <source>{0} to review, {1} decided, {2} open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="185"/>
        <source>Nothing to review in this shift and category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="190"/>
        <source>✔ defect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="190"/>
        <source>✘ overruled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="191"/>
        <source>#{0}  {1}  {2:.2f}
{3} {4}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../../station/settings_controller.py" line="67"/>
        <source>change the station&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/settings_controller.py" line="72"/>
        <source>the settings are being changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/settings_controller.py" line="104"/>
        <source>Testing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/settings_controller.py" line="110"/>
        <source>{0}: no camera answers there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/settings_controller.py" line="113"/>
        <source>{0}: camera works, {1}×{2} frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/settings_controller.py" line="114"/>
        <source>{0}: opened, but no frame came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/settings_controller.py" line="116"/>
        <source>{0}: {1}</source>
        <translation type="unfinished">{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../station/settings_controller.py" line="123"/>
        <source>{0}: no answer within {1:.0f} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="17"/>
        <source>Station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="20"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="24"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="30"/>
        <source>06:00=Early,14:00=Late,22:00=Night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="31"/>
        <source>The operator acknowledges every FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33"/>
        <source>Beep on FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="36"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="41"/>
        <source>Technician PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42"/>
        <source>Operating-system users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>user names, comma-separated (OS mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="50"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51"/>
        <source>forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63"/>
        <source>Camera (index or URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>Watched folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="66"/>
        <source>Hold each verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>Shifts (start=name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>Language (at next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71"/>
        <source>Technician sign-in</source>
        <translation type="unfinished">Techniker-Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72"/>
        <source>Technicians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73"/>
        <source>Keep images and maps of PASS parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74"/>
        <source>Keep images and maps of rejects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimilarTab</name>
    <message>
        <location filename="../../ui/similar_tab.py" line="29"/>
        <source>Nearest inspections of this category (double-click to open):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/similar_tab.py" line="32"/>
        <source>no label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/similar_tab.py" line="33"/>
        <source>EXACT DUPLICATE  </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/similar_tab.py" line="47"/>
        <source>Nothing stored yet to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SynthGallery</name>
    <message>
        <location filename="../../ui/synth_gallery.py" line="21"/>
        <source>Choose a folder of good images to preview synthetic defects.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThresholdController</name>
    <message>
        <location filename="../../station/threshold_controller.py" line="41"/>
        <source>No stored parts of {0} yet to preview on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/threshold_controller.py" line="44"/>
        <source>Of the last {0} parts of {1}, none would change verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/threshold_controller.py" line="45"/>
        <source>Of the last {0} parts of {1}, {2} would change verdict: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/threshold_controller.py" line="51"/>
        <source>No model loaded: choose a category first.</source>
        <translation type="unfinished">Kein Modell geladen: zuerst eine Kategorie wählen.</translation>
    </message>
    <message>
        <location filename="../../station/threshold_controller.py" line="53"/>
        <location filename="../../station/threshold_controller.py" line="76"/>
        <source>change the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/threshold_controller.py" line="62"/>
        <source>the threshold is being changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/threshold_controller.py" line="86"/>
        <source>(no reason given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/threshold_controller.py" line="87"/>
        <source>Threshold of {0}: {1:.3f} → {2:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThresholdDialog</name>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="15"/>
        <source>Threshold of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="30"/>
        <source>Why (kept in the change log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="32"/>
        <source>Current threshold {0:.3f}{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="33"/>
        <source>, calibrated {0:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="34"/>
        <source>New threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="35"/>
        <source>Preview over the last parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="37"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolActions</name>
    <message>
        <location filename="../../station/station_actions.py" line="81"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="87"/>
        <source>Review shift</source>
        <translation>Schicht nachprüfen</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="88"/>
        <source>Threshold…</source>
        <translation>Schwelle…</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="89"/>
        <source>Versions…</source>
        <translation>Versionen…</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="90"/>
        <source>Change log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="92"/>
        <source>Shift report…</source>
        <translation>Schichtbericht…</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="93"/>
        <source>Master check</source>
        <translation>Meisterteil-Prüfung</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="94"/>
        <source>Register masters…</source>
        <translation>Meisterteile erfassen…</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="95"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="96"/>
        <source>Full screen (F11)</source>
        <translation>Vollbild (F11)</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="119"/>
        <source>  Technician: {0}  </source>
        <translation>  Techniker: {0}  </translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="119"/>
        <source>  Operator  </source>
        <translation>  Bediener  </translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="123"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="123"/>
        <source>Technician sign-in</source>
        <translation>Techniker-Anmeldung</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="129"/>
        <source>sign in</source>
        <translation>sich anmelden</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="145"/>
        <source>No model loaded: choose a category first.</source>
        <translation>Kein Modell geladen: zuerst eine Kategorie wählen.</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="155"/>
        <source>make another model version active</source>
        <translation>eine andere Modellversion aktivieren</translation>
    </message>
    <message>
        <location filename="../../station/station_actions.py" line="166"/>
        <source>rolled to {0}</source>
        <translation>auf {0} umgestellt</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <location filename="../../ui/train_dialog.py" line="28"/>
        <source>New category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="30"/>
        <source>e.g. bottle-cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="33"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="38"/>
        <source>Also train the defect classifier (for Grad-CAM++; about 1–2 min more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="39"/>
        <source>Choose input size, memory bank and feature stages by the self-test (trains {0} times: about {0}x as long)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="42"/>
        <source>From good images only (1 % false rejects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="44"/>
        <source>Also let at most {0:.0%} of synthetic defects pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="46"/>
        <source>Category name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="47"/>
        <source>Folder of GOOD images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="48"/>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="57"/>
        <source>Train from good images only; about 30 s for 200 images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="61"/>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="67"/>
        <source>&lt;b&gt;Synthetic defects&lt;/b&gt; the station will paint on the part to test itself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="92"/>
        <source>Folder of good images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="99"/>
        <source>Painting a few synthetic defects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="105"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="123"/>
        <source>{0}: {1} / {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../ui/verdict_panel.py" line="30"/>
        <location filename="../../ui/verdict_panel.py" line="96"/>
        <source>NO MODEL</source>
        <translation>KEIN MODELL</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="83"/>
        <source>Choose a product category to start.</source>
        <translation>Zum Start eine Produktkategorie wählen.</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="94"/>
        <source>PASS</source>
        <translation>IO</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="94"/>
        <source>FAIL</source>
        <translation>NIO</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="94"/>
        <source>REVIEW</source>
        <translation>PRÜFEN</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="95"/>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="95"/>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="95"/>
        <source>INSPECTING</source>
        <translation>PRÜFT</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="96"/>
        <source>TRAINING</source>
        <translation>TRAINING</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="128"/>
        <source>inspection failed</source>
        <translation>Prüfung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="130"/>
        <source>{0:.2f} / threshold 0.50</source>
        <translation>{0:.2f} / Schwelle 0,50</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="131"/>
        <source>raw score {0:.2f} vs {1:.2f}  ·  {2}</source>
        <translation>Rohwert {0:.2f} gegen {1:.2f}  ·  {2}</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="146"/>
        <source>⚠ Acknowledge this FAIL, part #{0} (Enter)</source>
        <translation>⚠ Dieses NIO quittieren, Teil #{0} (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="148"/>
        <source>⚠ {0} earlier FAIL part(s) not acknowledged, last #{1} (Enter)</source>
        <translation>⚠ {0} frühere(s) NIO-Teil(e) nicht quittiert, zuletzt #{1} (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="163"/>
        <source>Model {0}</source>
        <translation>Modell {0}</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="169"/>
        <source>NOT LOGGED: {0} part(s) — {1}</source>
        <translation>NICHT PROTOKOLLIERT: {0} Teil(e) — {1}</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../ui/record_tables.py" line="46"/>
        <source>Model versions of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="50"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="50"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="50"/>
        <source>Made by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="50"/>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="51"/>
        <source>Good images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="51"/>
        <source>Model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="51"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="52"/>
        <source>Make the selected version active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="55"/>
        <source>Every version is kept; ● marks the one that judges parts now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhereTab</name>
    <message>
        <location filename="../../ui/where_tab.py" line="29"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="31"/>
        <source>Opacity</source>
        <translation type="unfinished">Deckkraft</translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="34"/>
        <source>Area (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="34"/>
        <source>% of part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="34"/>
        <source>Box x, y, w, h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="35"/>
        <source>Peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="48"/>
        <source>No region reaches the threshold: nothing on the part looks anomalous enough to fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="50"/>
        <source>&lt;b&gt;{0} region(s)&lt;/b&gt; at or above the threshold, {1} px in all, {2:.2f} % of the part (outlined on the image).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhyTab</name>
    <message>
        <location filename="../../ui/why_tab.py" line="28"/>
        <source>No SHAP explanation for this inspection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="34"/>
        <source> &lt;b style=&apos;color:#b3141b&apos;&gt;Below {0}: the measures explain this category&apos;s scores only roughly; read the bars as a hint.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="36"/>
        <source>The score {0:.2f} is explained by a surrogate (gradient boosting on the measures below, cross-validated R² {1:.2f}), which predicts {2:.2f}. Bars: how much each measure moves it from the category&apos;s average {3:.2f}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../station/app.py" line="46"/>
        <source>Building the demo category from generated images…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
