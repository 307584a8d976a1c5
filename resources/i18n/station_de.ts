<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Authority</name>
    <message>
        <location filename="../../station/roles.py" line="92"/>
        <source>a technician needs a name</source>
        <translation>ein Techniker braucht einen Namen</translation>
    </message>
    <message>
        <location filename="../../station/roles.py" line="94"/>
        <source>the PIN must be at least 4 digits</source>
        <translation>die PIN muss mindestens 4 Ziffern haben</translation>
    </message>
    <message>
        <location filename="../../station/roles.py" line="156"/>
        <source>Only a technician may {0}: user {1} is not in the technicians list.</source>
        <translation>Nur ein Techniker darf {0}: Benutzer {1} steht nicht in der Technikerliste.</translation>
    </message>
    <message>
        <location filename="../../station/roles.py" line="159"/>
        <source>Only a technician may {0}, and this station has none yet: set it up first (More ▸ Set up station…, or station technicians add NAME).</source>
        <translation>Nur ein Techniker darf {0}, und diese Station hat noch keinen: zuerst einrichten (Mehr ▸ Station einrichten…, oder station technicians add NAME).</translation>
    </message>
    <message>
        <location filename="../../station/roles.py" line="163"/>
        <source>Only a technician may {0}: sign-in cancelled.</source>
        <translation>Nur ein Techniker darf {0}: Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../station/roles.py" line="167"/>
        <source>Wrong PIN for {0}: only a technician may {1}.</source>
        <translation>Falsche PIN für {0}: nur ein Techniker darf {1}.</translation>
    </message>
    <message>
        <source>The two PINs differ; no PIN was set.</source>
        <translation type="vanished">Die beiden PINs unterscheiden sich; keine PIN gesetzt.</translation>
    </message>
    <message>
        <source>Wrong PIN: only a technician may {0}.</source>
        <translation type="vanished">Falsche PIN: nur ein Techniker darf {0}.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/banner.py" line="17"/>
        <source>Click to dismiss</source>
        <translation>Klicken zum Schließen</translation>
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
        <location filename="../../station/controllers/bench.py" line="44"/>
        <source>accepted at the bench</source>
        <translation>am Platz angenommen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/bench.py" line="46"/>
        <source>rejected at the bench</source>
        <translation>am Platz ausgeschleust</translation>
    </message>
    <message>
        <location filename="../../station/controllers/bench.py" line="48"/>
        <source>Part #{0} {1} at the bench.</source>
        <translation>Teil #{0} am Platz {1}.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/bench.py" line="49"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/bench.py" line="49"/>
        <source>rejected</source>
        <translation>ausgeschleust</translation>
    </message>
    <message>
        <location filename="../../station/controllers/bench.py" line="62"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>BenchFloor</name>
    <message>
        <location filename="../../station/bench/floor.py" line="74"/>
        <source>This station has no technician yet: More ▸ Set up station… makes the first.</source>
        <translation>Diese Station hat noch keinen Techniker: Mehr ▸ Station einrichten… legt den ersten an.</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="88"/>
        <source>#{0} re-tests #{1}: {2} → {3}</source>
        <translation>#{0} prüft #{1} erneut: {2} → {3}</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="96"/>
        <source>{0} FAIL in a row (last #{1})</source>
        <translation>{0} NIO in Folge (zuletzt #{1})</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="112"/>
        <source>line stopped: {0}</source>
        <translation>Linie gestoppt: {0}</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="117"/>
        <source>release the stopped line</source>
        <translation>die gestoppte Linie freigeben</translation>
    </message>
    <message>
        <source>⛔ LINE STOPPED: {0}. Call a technician (click to release); {1} part(s) waiting</source>
        <translation type="vanished">⛔ LINIE GESTOPPT: {0}. Techniker rufen (Klick gibt frei); {1} Teil(e) warten</translation>
    </message>
    <message>
        <source>⏸ PAUSED while {0}: {1} part(s) waiting</source>
        <translation type="vanished">⏸ ANGEHALTEN, solange {0}: {1} Teil(e) warten</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="128"/>
        <source>LINE STOPPED: {0}. Call a technician (click here to release); {1} part(s) waiting</source>
        <translation>LINIE GESTOPPT: {0}. Techniker rufen (hier klicken zum Freigeben); {1} Teil(e) warten</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="131"/>
        <source>PAUSED while {0}: {1} part(s) waiting</source>
        <translation>ANGEHALTEN, solange {0}: {1} Teil(e) warten</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="149"/>
        <source>{0} is not on this station&apos;s operator list; ask a technician.</source>
        <translation>{0} steht nicht auf der Bedienerliste dieser Station; einen Techniker fragen.</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="162"/>
        <source>Lot</source>
        <translation>Los</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="162"/>
        <source>Lot or order number (empty: none):</source>
        <translation>Los- oder Auftragsnummer (leer: keine):</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="183"/>
        <source>Next part: re-test of #{0}</source>
        <translation>Nächstes Teil: Nachprüfung von #{0}</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="192"/>
        <source>sign the shift hand-over</source>
        <translation>die Schichtübergabe unterschreiben</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="196"/>
        <source>Open: {0} FAIL part(s) not acknowledged, {1} line stop(s). Next operator and a note for them:</source>
        <translation>Offen: {0} NIO-Teil(e) nicht quittiert, {1} Linienstopp(s). Nächster Bediener und eine Notiz für ihn:</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="201"/>
        <location filename="../../station/bench/floor.py" line="203"/>
        <source>Hand over the shift</source>
        <translation>Schicht übergeben</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="203"/>
        <source>Note for the next shift:</source>
        <translation>Notiz für die nächste Schicht:</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="211"/>
        <source>Shift handed over to {0}, signed by {1}.</source>
        <translation>Schicht an {0} übergeben, unterschrieben von {1}.</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="219"/>
        <source>set up the station</source>
        <translation>die Station einrichten</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="232"/>
        <source>The two PINs differ; nothing was changed.</source>
        <translation>Die beiden PINs unterscheiden sich; nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="243"/>
        <source>station set up</source>
        <translation>Station eingerichtet</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="243"/>
        <source>technician added</source>
        <translation>Techniker hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../station/bench/floor.py" line="246"/>
        <source>Technician {0} can sign in; {1} operator(s) listed.</source>
        <translation>Techniker {0} kann sich anmelden; {1} Bediener eingetragen.</translation>
    </message>
</context>
<context>
    <name>CamTab</name>
    <message>
        <location filename="../../ui/cam_tab.py" line="22"/>
        <source>Classifier layer(s) the CAM is taken at</source>
        <translation>Schicht(en) des Klassifikators, an denen die CAM entsteht</translation>
    </message>
    <message>
        <location filename="../../ui/cam_tab.py" line="38"/>
        <source>Train the defect classifier…</source>
        <translation>Fehlerklassifikator trainieren…</translation>
    </message>
</context>
<context>
    <name>CameraSource</name>
    <message>
        <location filename="../../station/feeds/camera.py" line="136"/>
        <source>no answer within {0:.0f} s</source>
        <translation>keine Antwort innerhalb von {0:.0f} s</translation>
    </message>
    <message>
        <location filename="../../station/feeds/camera.py" line="137"/>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <location filename="../../station/feeds/camera.py" line="141"/>
        <source>{0}: {1}, retrying in {2:.0f} s</source>
        <translation>{0}: {1}, neuer Versuch in {2:.0f} s</translation>
    </message>
    <message>
        <location filename="../../station/feeds/camera.py" line="149"/>
        <source>after {0:.1f} s</source>
        <translation>nach {0:.1f} s</translation>
    </message>
    <message>
        <location filename="../../station/feeds/camera.py" line="150"/>
        <source>{0}: connected</source>
        <translation>{0}: verbunden</translation>
    </message>
    <message>
        <location filename="../../station/feeds/camera.py" line="157"/>
        <source>{0}: {1}, reconnecting</source>
        <translation>{0}: {1}, verbinde neu</translation>
    </message>
    <message>
        <location filename="../../station/feeds/camera.py" line="183"/>
        <source>a read blocked for {0:.1f} s</source>
        <translation>ein Lesevorgang hing {0:.1f} s</translation>
    </message>
    <message>
        <location filename="../../station/feeds/camera.py" line="184"/>
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
        <location filename="../../station/controllers/category.py" line="108"/>
        <source>{0} holds {1} images; at least 2 good images are needed</source>
        <translation>{0} enthält {1} Bilder; mindestens 2 Gutbilder sind nötig</translation>
    </message>
    <message>
        <source>Training, {0}: {1} of {2}</source>
        <translation type="obsolete">Training, {0}: {1} von {2}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="69"/>
        <source>switch the line to another category</source>
        <translation>die Linie auf eine andere Kategorie umstellen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="76"/>
        <source>line switched</source>
        <translation>Linie umgestellt</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="82"/>
        <source>train a category</source>
        <translation>eine Kategorie trainieren</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="122"/>
        <source>Training {0}: starting…</source>
        <translation>Training {0}: startet…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="139"/>
        <source>Training {0}: {1} {2:.0%}</source>
        <translation>Training {0}: {1} {2:.0%}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="160"/>
        <source>Done: {0} {1} trained in {2:.0f} s</source>
        <translation>Fertig: {0} {1} in {2:.0f} s trainiert</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="172"/>
        <source>{0} {1} is trained; the line goes on with {2}. Put it on the line from the New category dialog when you are ready.</source>
        <translation>{0} {1} ist trainiert; die Linie läuft mit {2} weiter. Im Dialog „Neue Kategorie“ auf die Linie bringen, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="183"/>
        <source>put a new model on the line</source>
        <translation>ein neues Modell auf die Linie bringen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="195"/>
        <source>put on the line after training ({0})</source>
        <translation>nach dem Training auf die Linie gebracht ({0})</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="247"/>
        <source>{0}: no part mask or good image to draw on</source>
        <translation>{0}: keine Teilemaske und kein Gutbild zum Zeichnen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/category.py" line="279"/>
        <source>Part mask of {0} saved: {1}</source>
        <translation>Teilemaske von {0} gespeichert: {1}</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <location filename="../../ui/record_tables.py" line="29"/>
        <source>Change log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="32"/>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="33"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="33"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/compare_dialog.py" line="17"/>
        <source>Two models, one image</source>
        <translation>Zwei Modelle, ein Bild</translation>
    </message>
</context>
<context>
    <name>CountersBox</name>
    <message>
        <location filename="../../ui/verdict_panel.py" line="260"/>
        <source>TOTAL</source>
        <translation>GESAMT</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="260"/>
        <source>PASS</source>
        <translation>IO</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="260"/>
        <source>FAIL</source>
        <translation>NIO</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="261"/>
        <source>REVIEW</source>
        <translation>PRÜFEN</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="261"/>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="261"/>
        <source>YIELD</source>
        <translation>AUSBEUTE</translation>
    </message>
</context>
<context>
    <name>ExplainController</name>
    <message>
        <location filename="../../station/controllers/explain.py" line="88"/>
        <source>No explanation: this inspection was not judged.</source>
        <translation>Keine Erklärung: diese Prüfung wurde nicht bewertet.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="92"/>
        <source>Inspection #{0}: explaining…</source>
        <translation>Prüfung #{0}: wird erklärt…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="94"/>
        <source>Inspection #{0}: stored explanation</source>
        <translation>Prüfung #{0}: gespeicherte Erklärung</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="143"/>
        <source>Inspection #{0}: explained by model {1}{2}</source>
        <translation>Prüfung #{0}: erklärt von Modell {1}{2}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="144"/>
        <source> in {0:.0f} ms</source>
        <translation> in {0:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="157"/>
        <source>LayerCAM of the anomaly score {0:.2f} at PatchCore&apos;s backbone layers {1}</source>
        <translation>LayerCAM des Anomaliewerts {0:.2f} an den Backbone-Schichten {1} von PatchCore</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="161"/>
        <source>{0} of the defect logit of model {1}, layer {2}; defect probability {3:.0%}</source>
        <translation>{0} des Fehler-Logits von Modell {1}, Schicht {2}; Fehlerwahrscheinlichkeit {3:.0%}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="166"/>
        <source>layer {0}</source>
        <translation>Schicht {0}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="168"/>
        <source>all layers combined</source>
        <translation>alle Schichten zusammen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="178"/>
        <source>Inspection #{0}: {1}</source>
        <translation>Prüfung #{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="182"/>
        <source>Inspection #{0}: explaining at {1}…</source>
        <translation>Prüfung #{0}: Erklärung an {1}…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="193"/>
        <source>Choose a judged inspection first.</source>
        <translation>Zuerst eine bewertete Prüfung wählen.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="198"/>
        <source>No other model to compare with: train another category first.</source>
        <translation>Kein anderes Modell zum Vergleich: zuerst eine weitere Kategorie trainieren.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="201"/>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="201"/>
        <source>Model of category:</source>
        <translation>Modell der Kategorie:</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="204"/>
        <source>Inspection #{0}: judging it with {1} too…</source>
        <translation>Prüfung #{0}: wird auch mit {1} bewertet…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="217"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: verdicts {1} / {2}; anomaly maps correlate {3:.2f}; flagged areas overlap (IoU) {4:.2f}.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: Urteile {1} / {2}; Anomaliekarten korrelieren {3:.2f}; markierte Bereiche überlappen (IoU) {4:.2f}.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="218"/>
        <source>They agree</source>
        <translation>Sie stimmen überein</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="218"/>
        <source>They DISAGREE</source>
        <translation>Sie WIDERSPRECHEN sich</translation>
    </message>
    <message>
        <location filename="../../station/controllers/explain.py" line="223"/>
        <source>Inspection #{0}: compared</source>
        <translation>Prüfung #{0}: verglichen</translation>
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
        <location filename="../../ui/explanation_panel.py" line="34"/>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <location filename="../../ui/explanation_panel.py" line="35"/>
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
        <location filename="../../station/controllers/feed.py" line="51"/>
        <source>Images to inspect</source>
        <translation>Zu prüfende Bilder</translation>
    </message>
    <message>
        <location filename="../../station/controllers/feed.py" line="52"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <location filename="../../station/controllers/feed.py" line="61"/>
        <source>change the watched folder</source>
        <translation>den überwachten Ordner ändern</translation>
    </message>
    <message>
        <location filename="../../station/controllers/feed.py" line="64"/>
        <source>Folder the line camera writes to</source>
        <translation>Ordner, in den die Linienkamera schreibt</translation>
    </message>
    <message>
        <location filename="../../station/controllers/feed.py" line="69"/>
        <source>set in the window</source>
        <translation>im Fenster gesetzt</translation>
    </message>
    <message>
        <location filename="../../station/controllers/feed.py" line="81"/>
        <source>camera {0}</source>
        <translation>Kamera {0}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/feed.py" line="95"/>
        <source>by the operator</source>
        <translation>vom Bediener</translation>
    </message>
    <message>
        <location filename="../../station/controllers/feed.py" line="97"/>
        <source>Camera stopped</source>
        <translation>Kamera gestoppt</translation>
    </message>
    <message>
        <location filename="../../station/controllers/feed.py" line="106"/>
        <source>No camera frame to inspect: start the camera first.</source>
        <translation>Kein Kamerabild zu prüfen: zuerst die Kamera starten.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/feed.py" line="110"/>
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
        <location filename="../../station/feeds/watched_folder.py" line="73"/>
        <source>Watching {0}</source>
        <translation>Überwache {0}</translation>
    </message>
    <message>
        <location filename="../../station/feeds/watched_folder.py" line="91"/>
        <source>{0} does not answer for {1:.0f} s (a stalled network share?); waiting for it</source>
        <translation>{0} antwortet seit {1:.0f} s nicht (Netzlaufwerk hängt?); warte darauf</translation>
    </message>
    <message>
        <location filename="../../station/feeds/watched_folder.py" line="104"/>
        <source>the folder is not there (removed, renamed or not mounted)</source>
        <translation>der Ordner ist nicht da (gelöscht, umbenannt oder nicht eingehängt)</translation>
    </message>
    <message>
        <location filename="../../station/feeds/watched_folder.py" line="113"/>
        <source>Cannot read watched folder {0}: {1}; retrying</source>
        <translation>Überwachter Ordner {0} nicht lesbar: {1}; neuer Versuch</translation>
    </message>
    <message>
        <location filename="../../station/feeds/watched_folder.py" line="117"/>
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
        <location filename="../../ui/history_panel.py" line="74"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="29"/>
        <source>This shift</source>
        <translation>Diese Schicht</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="30"/>
        <source>All shifts</source>
        <translation>Alle Schichten</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="32"/>
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
    <name>LearnDialog</name>
    <message>
        <location filename="../../ui/learn_dialog.py" line="17"/>
        <source>Learn from confirmed defects: {0}</source>
        <translation>Aus bestätigten Fehlern lernen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="20"/>
        <source>&lt;b&gt;{0} confirmed defects&lt;/b&gt; of {1}. At today&apos;s threshold {2:.3f}, {3} of them FAIL. The proposal: threshold &lt;b&gt;{4:.3f}&lt;/b&gt;, {5} of them FAIL; about {6} of good parts rejected (between {7} and {8}).</source>
        <translation>&lt;b&gt;{0} bestätigte Fehler&lt;/b&gt; von {1}. Bei der heutigen Schwelle {2:.3f} sind {3} davon NIO. Der Vorschlag: Schwelle &lt;b&gt;{4:.3f}&lt;/b&gt;, {5} davon NIO; etwa {6} der Gutteile verworfen (zwischen {7} und {8}).</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="26"/>
        <source>A part in the REVIEW band that looks like one of them will FAIL ({0} of their patches kept, its threshold from {1} held-out good images).</source>
        <translation>Ein Teil im PRÜFEN-Band, das einem von ihnen gleicht, wird NIO ({0} ihrer Ausschnitte behalten, die Schwelle aus {1} zurückgehaltenen Gutbildern).</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="29"/>
        <source>Their likeness is not used: it would FAIL no more of them than the threshold does.</source>
        <translation>Ihre Ähnlichkeit wird nicht genutzt: Sie würde nicht mehr von ihnen verwerfen als die Schwelle.</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="32"/>
        <source>False-reject target</source>
        <translation>Ziel Fehlausschuss</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="32"/>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="33"/>
        <source>Good parts FAIL (predicted)</source>
        <translation>Gutteile NIO (erwartet)</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="33"/>
        <source>Confirmed defects FAIL</source>
        <translation>Bestätigte Fehler NIO</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="43"/>
        <source>Left out (unreadable): {0}</source>
        <translation>Ausgelassen (nicht lesbar): {0}</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="47"/>
        <source>Why (kept in the change log)</source>
        <translation>Warum (steht im Änderungsprotokoll)</translation>
    </message>
    <message>
        <location filename="../../ui/learn_dialog.py" line="48"/>
        <source>Apply saves a new model version and puts it on the line; Versions… rolls it back.</source>
        <translation>Übernehmen speichert eine neue Modellversion und setzt sie an die Linie; Versionen… nimmt sie zurück.</translation>
    </message>
</context>
<context>
    <name>LearningController</name>
    <message>
        <location filename="../../station/controllers/learning.py" line="46"/>
        <source>{0}: nothing learnt: {1}</source>
        <translation>{0}: nichts gelernt: {1}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/learning.py" line="58"/>
        <source>No model loaded: choose a category first.</source>
        <translation>Kein Modell geladen: zuerst eine Kategorie wählen.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/learning.py" line="60"/>
        <location filename="../../station/controllers/learning.py" line="93"/>
        <source>learn from confirmed defects</source>
        <translation>aus bestätigten Fehlern lernen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/learning.py" line="64"/>
        <source>{0} has {1} confirmed defects on disk; at least {2} are needed (confirm rejects with D in the review, or register master defects).</source>
        <translation>{0} hat {1} bestätigte Fehler auf der Platte; mindestens {2} sind nötig (Ausschuss in der Prüfung mit D bestätigen oder Meister-Fehlerteile anlegen).</translation>
    </message>
    <message>
        <location filename="../../station/controllers/learning.py" line="71"/>
        <source>Learning from {0} confirmed defects of {1}: judging them and the held-out goods…</source>
        <translation>Lerne aus {0} bestätigten Fehlern von {1}: sie und die zurückgehaltenen Gutteile werden bewertet…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/learning.py" line="99"/>
        <source>{0}: not saved: {1}</source>
        <translation>{0}: nicht gespeichert: {1}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/learning.py" line="105"/>
        <source>{0} {1}: learnt from {2} confirmed defects; {3} of them FAIL now (were {4}).</source>
        <translation>{0} {1}: aus {2} bestätigten Fehlern gelernt; {3} davon sind jetzt NIO (vorher {4}).</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../ui/line_dialog.py" line="42"/>
        <source>Line links</source>
        <translation>Linienanbindung</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="13"/>
        <source>Broker host</source>
        <translation>Broker-Host</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="14"/>
        <location filename="../../ui/line_dialog.py" line="22"/>
        <location filename="../../ui/line_dialog.py" line="26"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="15"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="16"/>
        <source>Password file</source>
        <translation>Passwortdatei</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="17"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="18"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="19"/>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="20"/>
        <source>Trigger topic</source>
        <translation>Trigger-Topic</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="21"/>
        <source>Listen on</source>
        <translation>Lauscht auf</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="23"/>
        <source>PLC user</source>
        <translation>SPS-Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="24"/>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="25"/>
        <source>I/O module host</source>
        <translation>Host des E/A-Moduls</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="27"/>
        <source>Unit</source>
        <translation>Unit-ID</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="28"/>
        <source>Trigger input</source>
        <translation>Trigger-Eingang</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="29"/>
        <source>Pulse</source>
        <translation>Impuls</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="31"/>
        <source>MQTT to the MES</source>
        <translation>MQTT zum MES</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="32"/>
        <source>OPC UA server for the PLC</source>
        <translation>OPC-UA-Server für die SPS</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="33"/>
        <source>Modbus TCP to remote I/O</source>
        <translation>Modbus TCP zur dezentralen E/A</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="59"/>
        <source>set: type a new one to change it</source>
        <translation>gesetzt: zum Ändern ein neues eingeben</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="60"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="61"/>
        <source>PLC password</source>
        <translation>SPS-Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="71"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="86"/>
        <source>Basic256Sha256, Sign &amp; Encrypt</source>
        <translation>Basic256Sha256, signiert und verschlüsselt</translation>
    </message>
    <message>
        <location filename="../../ui/line_dialog.py" line="87"/>
        <source>None (the password crosses the network readable)</source>
        <translation>Keine (das Passwort geht lesbar über das Netz)</translation>
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
    <name>LineHub</name>
    <message>
        <location filename="../../station/line/hub.py" line="53"/>
        <source>Line settings: {0}</source>
        <translation>Linieneinstellungen: {0}</translation>
    </message>
    <message>
        <location filename="../../station/line/hub.py" line="91"/>
        <source>busy with part {0}</source>
        <translation>belegt mit Teil {0}</translation>
    </message>
    <message>
        <location filename="../../station/line/hub.py" line="93"/>
        <source>busy: {0} part(s) being judged</source>
        <translation>belegt: {0} Teil(e) in Prüfung</translation>
    </message>
    <message>
        <location filename="../../station/line/hub.py" line="95"/>
        <source>paused while {0}</source>
        <translation>pausiert, solange {0}</translation>
    </message>
    <message>
        <location filename="../../station/line/hub.py" line="97"/>
        <source>no model loaded</source>
        <translation>kein Modell geladen</translation>
    </message>
    <message>
        <location filename="../../station/line/hub.py" line="99"/>
        <source>no camera frame and no watched folder to judge</source>
        <translation>kein Kamerabild und kein überwachter Ordner zum Prüfen</translation>
    </message>
    <message>
        <location filename="../../station/line/hub.py" line="108"/>
        <source>trigger {0} from {1} refused: {2}</source>
        <translation>Trigger {0} von {1} abgewiesen: {2}</translation>
    </message>
</context>
<context>
    <name>LineSettingsFlow</name>
    <message>
        <location filename="../../station/line/settings_flow.py" line="59"/>
        <source>change the line links</source>
        <translation>die Linienanbindung ändern</translation>
    </message>
    <message>
        <location filename="../../station/line/settings_flow.py" line="95"/>
        <source>Testing…</source>
        <translation>Teste…</translation>
    </message>
    <message>
        <location filename="../../station/line/settings_flow.py" line="108"/>
        <source>No link is turned on.</source>
        <translation>Keine Verbindung eingeschaltet.</translation>
    </message>
</context>
<context>
    <name>LineStatus</name>
    <message>
        <location filename="../../ui/line_status.py" line="30"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location filename="../../ui/line_status.py" line="30"/>
        <source>listening</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../../ui/line_status.py" line="30"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location filename="../../ui/line_status.py" line="31"/>
        <source>away</source>
        <translation>weg</translation>
    </message>
    <message>
        <location filename="../../ui/line_status.py" line="31"/>
        <source>refused</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/line_status.py" line="31"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../../ui/line_status.py" line="35"/>
        <source>Line: {0}</source>
        <translation>Linie: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/line_status.py" line="37"/>
        <source> · {0} trigger(s) refused</source>
        <translation> · {0} Trigger abgewiesen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station/main_window.py" line="51"/>
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
        <location filename="../../station/main_window.py" line="87"/>
        <source>settings.ini: {0} not usable, the default is used.</source>
        <translation>settings.ini: {0} nicht verwendbar, der Standardwert gilt.</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="89"/>
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
        <location filename="../../station/main_window.py" line="145"/>
        <location filename="../../station/main_window.py" line="376"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="195"/>
        <source>No trained category yet: click “New category…”.</source>
        <translation>Noch keine trainierte Kategorie: „Neue Kategorie…“ anklicken.</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="201"/>
        <source>Loading {0}…</source>
        <translation>{0} wird geladen…</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="211"/>
        <source>Feed a part: open, drop, watch a folder or trigger the camera.</source>
        <translation>Teil zuführen: öffnen, hineinziehen, Ordner überwachen oder Kamera auslösen.</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="215"/>
        <source>Model &apos;{0}&apos; could not be loaded: {1}</source>
        <translation>Modell &apos;{0}&apos; konnte nicht geladen werden: {1}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="227"/>
        <source>Paused ({0}): {1} part(s) waiting</source>
        <translation>Angehalten ({0}): {1} Teil(e) warten</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="355"/>
        <source>line stopped: {0}</source>
        <translation>Linie gestoppt: {0}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="375"/>
        <source>{0} part(s) waiting for a model</source>
        <translation>{0} Teil(e) warten auf ein Modell</translation>
    </message>
    <message>
        <location filename="../../station/closing.py" line="15"/>
        <source>Closing: finishing the part in progress and saving the history…</source>
        <translation>Wird beendet: das laufende Teil wird fertig geprüft und der Verlauf gesichert…</translation>
    </message>
    <message>
        <location filename="../../station/closing.py" line="46"/>
        <source>like a confirmed defect ({0} × its threshold)</source>
        <translation>wie ein bestätigter Fehler ({0} × seine Schwelle)</translation>
    </message>
    <message>
        <location filename="../../station/closing.py" line="51"/>
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
        <location filename="../../station/main_window.py" line="294"/>
        <source>#{0} {1}</source>
        <translation>#{0} {1}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="307"/>
        <source>history #{0}, {1}</source>
        <translation>Verlauf #{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="350"/>
        <source>Paused: {0}</source>
        <translation>Angehalten: {0}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="367"/>
        <source>Inspecting: {0} of {1} done, {2} waiting</source>
        <translation>Prüfung: {0} von {1} fertig, {2} warten</translation>
    </message>
    <message>
        <source>Training, {0}: {1} of {2}</source>
        <translation type="vanished">Training, {0}: {1} von {2}</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="386"/>
        <source>Leave the station?</source>
        <translation>Station verlassen?</translation>
    </message>
    <message>
        <location filename="../../station/main_window.py" line="387"/>
        <source>Stop inspecting and close the station?</source>
        <translation>Prüfung beenden und Station schließen?</translation>
    </message>
</context>
<context>
    <name>MaskEditorDialog</name>
    <message>
        <location filename="../../ui/mask_editor.py" line="117"/>
        <source>Part mask: {0}</source>
        <translation>Teilemaske: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="119"/>
        <source>Rectangle (drag)</source>
        <translation>Rechteck (ziehen)</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="119"/>
        <source>Polygon (click corners, double-click to close)</source>
        <translation>Polygon (Ecken klicken, Doppelklick schließt)</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="130"/>
        <source>Green: the part as the station sees it now. Draw the part; defects will only be painted inside.</source>
        <translation>Grün: das Teil, wie die Station es jetzt sieht. Das Teil zeichnen; Fehler werden nur darin gemalt.</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="133"/>
        <source>Use this shape</source>
        <translation>Diese Form verwenden</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="134"/>
        <source>Learn again</source>
        <translation>Neu lernen</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="135"/>
        <source>Whole frame</source>
        <translation>Ganzes Bild</translation>
    </message>
</context>
<context>
    <name>MasterController</name>
    <message>
        <location filename="../../station/controllers/master.py" line="42"/>
        <source>register master parts</source>
        <translation>Meisterteile erfassen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/master.py" line="45"/>
        <source>Folder of {0}&apos;s master parts (with good/ and defect/ inside)</source>
        <translation>Ordner der Meisterteile von {0} (mit good/ und defect/ darin)</translation>
    </message>
    <message>
        <location filename="../../station/controllers/master.py" line="51"/>
        <source>{0} master part(s) registered for {1}.</source>
        <translation>{0} Meisterteil(e) für {1} erfasst.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/master.py" line="60"/>
        <source>No master parts registered for {0}: a technician registers them (Master parts… ▸ register).</source>
        <translation>Keine Meisterteile für {0} erfasst: ein Techniker erfasst sie (Meisterteile erfassen…).</translation>
    </message>
    <message>
        <location filename="../../station/controllers/master.py" line="85"/>
        <source>MASTER DEFECT PASSED</source>
        <translation>FEHLER-MEISTERTEIL ALS IO DURCHGELASSEN</translation>
    </message>
    <message>
        <location filename="../../station/controllers/master.py" line="86"/>
        <source>The station passed {0} known-defect master part(s): {1}.

Do not run production: call a technician (threshold, lighting, camera, model).</source>
        <translation>Die Station hat {0} bekannt fehlerhafte(s) Meisterteil(e) als IO beurteilt: {1}.

Nicht produzieren: Techniker rufen (Schwelle, Beleuchtung, Kamera, Modell).</translation>
    </message>
    <message>
        <location filename="../../station/controllers/master.py" line="91"/>
        <source>Master check: {0} of {1} as expected</source>
        <translation>Meisterteil-Prüfung: {0} von {1} wie erwartet</translation>
    </message>
    <message>
        <location filename="../../station/controllers/master.py" line="93"/>
        <source>; NOT as expected: {0}</source>
        <translation>; NICHT wie erwartet: {0}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/master.py" line="102"/>
        <source>Start of shift: run the master-part check for {0} (Ctrl+M).</source>
        <translation>Schichtbeginn: Meisterteil-Prüfung für {0} durchführen (Strg+M).</translation>
    </message>
</context>
<context>
    <name>ModelFacts</name>
    <message>
        <location filename="../../ui/model_facts.py" line="53"/>
        <source>&lt;b&gt;How sure&lt;/b&gt;: threshold {0:.2f}, between {1:.2f} and {2:.2f} with another draw of as many good images ({3}).</source>
        <translation>&lt;b&gt;Wie sicher&lt;/b&gt;: Schwelle {0:.2f}, zwischen {1:.2f} und {2:.2f} bei einer anderen Auswahl ebenso vieler Gutbilder ({3}).</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="57"/>
        <source>{0} of the {1} calibration goods are at or above it: the site&apos;s false-reject rate lies between {2} and {3} ({4}).</source>
        <translation>{0} der {1} Kalibrier-Gutteile liegen auf oder über ihr: die Fehlausschussrate vor Ort liegt zwischen {2} und {3} ({4}).</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="61"/>
        <source>&lt;b&gt;REVIEW band&lt;/b&gt; from {0:.2f} up to the threshold: about {1} of good parts go to REVIEW (expected review load), set to {2}.</source>
        <translation>&lt;b&gt;PRÜFEN-Band&lt;/b&gt; von {0:.2f} bis zur Schwelle: etwa {1} der Gutteile gehen zur Prüfung (erwartete Prüflast), eingestellt auf {2}.</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="65"/>
        <source>&lt;b&gt;REVIEW band&lt;/b&gt;: ±{0:.0%} of the scale around the threshold (a model from before the band came from the good scores; retrain for it).</source>
        <translation>&lt;b&gt;PRÜFEN-Band&lt;/b&gt;: ±{0:.0%} der Skala um die Schwelle (ein Modell von vor dem Band aus den Gutwerten; neu trainieren).</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="73"/>
        <source>&lt;b&gt;Confirmed defects&lt;/b&gt;: none learnt from yet (More ▸ Learn from confirmed defects…, once technicians have confirmed some in the review).</source>
        <translation>&lt;b&gt;Bestätigte Fehler&lt;/b&gt;: noch keine gelernt (Mehr ▸ Aus bestätigten Fehlern lernen…, sobald Techniker in der Prüfung welche bestätigt haben).</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="75"/>
        <source>&lt;b&gt;Learnt from {0} confirmed defects&lt;/b&gt;: threshold {1:.2f} → {2:.2f}; of them {3} → {4} FAIL; predicted false rejects {5} (between {6} and {7}).</source>
        <translation>&lt;b&gt;Aus {0} bestätigten Fehlern gelernt&lt;/b&gt;: Schwelle {1:.2f} → {2:.2f}; davon {3} → {4} NIO; erwarteter Fehlausschuss {5} (zwischen {6} und {7}).</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="80"/>
        <source>A REVIEW part that looks like one of them ({0} patches kept; threshold from {1} held-out goods) FAILs.</source>
        <translation>Ein PRÜFEN-Teil, das einem von ihnen gleicht ({0} Ausschnitte behalten; Schwelle aus {1} zurückgehaltenen Gutteilen), wird NIO.</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="83"/>
        <source>Their likeness score was left out: it caught no more of them than the threshold does.</source>
        <translation>Ihr Ähnlichkeitswert wurde weggelassen: Er fing nicht mehr von ihnen als die Schwelle.</translation>
    </message>
</context>
<context>
    <name>ModelFactsDialog</name>
    <message>
        <location filename="../../ui/model_facts.py" line="154"/>
        <source>Model facts: {0}</source>
        <translation>Modelldaten: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="157"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; model {1} {2}&lt;br&gt;{3} (stages {16}), input {4}x{5} px, memory bank {6} patches, {7} training + {8} held-out good images&lt;br&gt;&lt;b&gt;Threshold&lt;/b&gt; {9:.3f} ({10}, target false-reject rate {11:.0%}, from {15} good scores); good scores median {12:.2f}, p95 {13:.2f}, max {14:.2f}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; Modell {1} {2}&lt;br&gt;{3} (Stufen {16}), Eingabe {4}x{5} px, Speicherbank {6} Patches, {7} Trainings- + {8} zurückgehaltene Gutbilder&lt;br&gt;&lt;b&gt;Schwelle&lt;/b&gt; {9:.3f} ({10}, Ziel-Fehlausschussrate {11:.0%}, aus {15} Gutwerten); Gutwerte Median {12:.2f}, p95 {13:.2f}, Max {14:.2f}</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="164"/>
        <source>{0}; the map also from {1} against a bank of their own</source>
        <translation>{0}; die Karte auch aus {1} gegen eine eigene Bank</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="170"/>
        <source>&lt;b&gt;Part mask&lt;/b&gt;: {0}</source>
        <translation>&lt;b&gt;Teilemaske&lt;/b&gt;: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="170"/>
        <source>none stored</source>
        <translation>keine gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/model_facts.py" line="187"/>
        <source>Correct part mask…</source>
        <translation>Teilemaske korrigieren…</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <location filename="../../ui/pin_dialog.py" line="75"/>
        <source>Operator sign-in</source>
        <translation>Bediener-Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="82"/>
        <source>Choose your name or scan your badge.</source>
        <translation>Namen wählen oder Ausweis scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="83"/>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/pin_dialog.py" line="23"/>
        <source>Technician sign-in</source>
        <translation>Techniker-Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="30"/>
        <source>Only a technician may {0}.</source>
        <translation>Nur ein Techniker darf {0}.</translation>
    </message>
    <message>
        <source>This station has no technician PIN yet: choose one (4 digits or more).</source>
        <translation type="vanished">Diese Station hat noch keine Techniker-PIN: eine wählen (mindestens 4 Ziffern).</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="31"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="32"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="vanished">PIN wiederholen</translation>
    </message>
</context>
<context>
    <name>RecentStrip</name>
    <message>
        <location filename="../../ui/recent_strip.py" line="50"/>
        <source>Last
parts</source>
        <translation>Letzte
Teile</translation>
    </message>
    <message>
        <location filename="../../ui/recent_strip.py" line="75"/>
        <source>PASS</source>
        <translation>IO</translation>
    </message>
    <message>
        <location filename="../../ui/recent_strip.py" line="75"/>
        <source>FAIL</source>
        <translation>NIO</translation>
    </message>
    <message>
        <location filename="../../ui/recent_strip.py" line="75"/>
        <source>REVIEW</source>
        <translation>PRÜFEN</translation>
    </message>
    <message>
        <location filename="../../ui/recent_strip.py" line="76"/>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <location filename="../../ui/recent_strip.py" line="100"/>
        <source>#{0}: {1} (click to open)</source>
        <translation>#{0}: {1} (Klick öffnet)</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="42"/>
        <source>Folder for the report of {0}</source>
        <translation>Ordner für den Bericht von {0}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="61"/>
        <source>Writing the report of {0}…</source>
        <translation>Bericht von {0} wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="67"/>
        <source>Report not written: {0}</source>
        <translation>Bericht nicht geschrieben: {0}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="68"/>
        <source>Report written to {0} (report.pdf, report.html, inspections.csv)</source>
        <translation>Bericht geschrieben nach {0} (report.pdf, report.html, inspections.csv)</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../station/controllers/review.py" line="74"/>
        <source>  (now)</source>
        <translation>  (jetzt)</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="101"/>
        <source>&lt;b&gt;#{0}  {1}&lt;/b&gt;  score {2:.2f} (threshold {3:.2f}), {4}&lt;br&gt;{5}  ·  {6}</source>
        <translation>&lt;b&gt;#{0}  {1}&lt;/b&gt;  Wert {2:.2f} (Schwelle {3:.2f}), {4}&lt;br&gt;{5}  ·  {6}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="105"/>
        <source>&lt;br&gt;&lt;span style=&apos;color:#b3141b&apos;&gt;image no longer on disk&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#b3141b&apos;&gt;Bild nicht mehr auf der Platte&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="106"/>
        <source>{0}: {1} by {2} ({3}){4}{5}</source>
        <translation>{0}: {1} von {2} ({3}){4}{5}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="107"/>
        <source>good, {0}</source>
        <translation>gut, {0}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="108"/>
        <source> [revised]</source>
        <translation> [revidiert]</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="118"/>
        <source>decide on rejects</source>
        <translation>über Ausschuss entscheiden</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="122"/>
        <source>#{0}: choose the defect type first (T), then D.</source>
        <translation>#{0}: zuerst den Fehlertyp wählen (T), dann D.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="132"/>
        <source>{0} to review, {1} decided, {2} open</source>
        <translation>{0} zu prüfen, {1} entschieden, {2} offen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="140"/>
        <source>New defect type</source>
        <translation>Neuer Fehlertyp</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="141"/>
        <source>Defect type for {0}:</source>
        <translation>Fehlertyp für {0}:</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="141"/>
        <source>all categories</source>
        <translation>alle Kategorien</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="163"/>
        <source>No overruled part of category {0} in this queue to learn from.</source>
        <translation>Kein überstimmtes Teil der Kategorie {0} in dieser Liste, aus dem gelernt werden kann.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="165"/>
        <source>change the model of {0}</source>
        <translation>das Modell von {0} ändern</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="168"/>
        <source>Learn from the review</source>
        <translation>Aus der Nachprüfung lernen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="169"/>
        <source>Add {0} overruled part(s) to the good set of {1}?

Extend: the memory bank grows, the threshold is recalibrated (seconds).
Rebuild: full training on all good images (minutes).

Either way a new model version is made; the current one is kept and can be made active again.</source>
        <translation>{0} überstimmte(s) Teil(e) zu den Gutteilen von {1} hinzufügen?

Erweitern: die Speicherbank wächst, die Schwelle wird neu kalibriert (Sekunden).
Neu aufbauen: volles Training auf allen Gutbildern (Minuten).

In beiden Fällen entsteht eine neue Modellversion; die aktuelle bleibt erhalten und kann wieder aktiv gesetzt werden.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="174"/>
        <source>Extend</source>
        <translation>Erweitern</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="175"/>
        <source>Rebuild</source>
        <translation>Neu aufbauen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="180"/>
        <source>{0} part(s) overruled as good in review of {1} by {2}</source>
        <translation>{0} Teil(e) in der Nachprüfung von {1} durch {2} als gut überstimmt</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="182"/>
        <source>Making a new version of {0} ({1})…</source>
        <translation>Neue Version von {0} wird erstellt ({1})…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/review.py" line="190"/>
        <source>{0}: new model version {1} is active ({2}).</source>
        <translation>{0}: neue Modellversion {1} ist aktiv ({2}).</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../ui/review_view.py" line="38"/>
        <source>· open</source>
        <translation>· offen</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="39"/>
        <source>Review of a shift</source>
        <translation>Nachprüfung einer Schicht</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="43"/>
        <source>PASS parts too (to record escapes)</source>
        <translation>Auch IO-Teile (um Durchschlüpfer zu erfassen)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="45"/>
        <source>FAIL and REVIEW</source>
        <translation>NIO und PRÜFEN</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="45"/>
        <source>FAIL only</source>
        <translation>nur NIO</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="46"/>
        <source>REVIEW only</source>
        <translation>nur PRÜFEN</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="50"/>
        <source>Back to inspection (Esc)</source>
        <translation>Zurück zur Prüfung (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="51"/>
        <source>Shift report…</source>
        <translation>Schichtbericht…</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="52"/>
        <source>Add overruled parts to the good set…</source>
        <translation>Überstimmte Teile zu den Gutteilen…</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="54"/>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="54"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="59"/>
        <source>Verdicts</source>
        <translation>Urteile</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="75"/>
        <source>Nothing to review</source>
        <translation>Nichts nachzuprüfen</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="83"/>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="84"/>
        <source>New type…</source>
        <translation>Neuer Typ…</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="85"/>
        <source>Confirm defect (D)</source>
        <translation>Fehler bestätigen (D)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="87"/>
        <source>Overrule as good (G)</source>
        <translation>Als gut überstimmen (G)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="89"/>
        <source>◀ Previous (P)</source>
        <translation>◀ Voriges (P)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="89"/>
        <source>Skip (S)</source>
        <translation>Überspringen (S)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="90"/>
        <source>Next (N) ▶</source>
        <translation>Nächstes (N) ▶</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="92"/>
        <source>Defect type (T)</source>
        <translation>Fehlertyp (T)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="95"/>
        <source>Reason to overrule (R)</source>
        <translation>Grund zum Überstimmen (R)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="97"/>
        <source>Note (E)</source>
        <translation>Notiz (E)</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="128"/>
        <source>&lt;b&gt;Live line&lt;/b&gt;</source>
        <translation>&lt;b&gt;Laufende Linie&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="165"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="182"/>
        <source>— choose the type (T) —</source>
        <translation>— Typ wählen (T) —</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="204"/>
        <source>{0} to review, {1} decided, {2} open</source>
        <translation>{0} zu prüfen, {1} entschieden, {2} offen</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="209"/>
        <source>Nothing to review in this shift and category.</source>
        <translation>In dieser Schicht und Kategorie nichts nachzuprüfen.</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="214"/>
        <source>✔ defect</source>
        <translation>✔ Fehler</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="214"/>
        <source>✘ overruled</source>
        <translation>✘ überstimmt</translation>
    </message>
    <message>
        <location filename="../../ui/review_view.py" line="215"/>
        <source>#{0}  {1}  {2:.2f} / {3:.2f}
{4} {5}</source>
        <translation>#{0}  {1}  {2:.2f} / {3:.2f}
{4} {5}</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../../station/controllers/settings.py" line="67"/>
        <source>change the station&apos;s settings</source>
        <translation>die Einstellungen der Station ändern</translation>
    </message>
    <message>
        <location filename="../../station/controllers/settings.py" line="72"/>
        <source>the settings are being changed</source>
        <translation>die Einstellungen geändert werden</translation>
    </message>
    <message>
        <location filename="../../station/controllers/settings.py" line="104"/>
        <source>Testing {0}…</source>
        <translation>{0} wird getestet…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/settings.py" line="110"/>
        <source>{0}: no camera answers there</source>
        <translation>{0}: dort antwortet keine Kamera</translation>
    </message>
    <message>
        <location filename="../../station/controllers/settings.py" line="113"/>
        <source>{0}: camera works, {1}×{2} frame</source>
        <translation>{0}: Kamera funktioniert, Bild {1}×{2}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/settings.py" line="114"/>
        <source>{0}: opened, but no frame came</source>
        <translation>{0}: geöffnet, aber kein Bild kam</translation>
    </message>
    <message>
        <location filename="../../station/controllers/settings.py" line="116"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/settings.py" line="123"/>
        <source>{0}: no answer within {1:.0f} s</source>
        <translation>{0}: keine Antwort innerhalb von {1:.0f} s</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="17"/>
        <source>Station settings</source>
        <translation>Stationseinstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="20"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="24"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="30"/>
        <source>06:00=Early,14:00=Late,22:00=Night</source>
        <translation>06:00=Früh,14:00=Spät,22:00=Nacht</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="31"/>
        <source>The operator acknowledges every FAIL</source>
        <translation>Der Bediener quittiert jedes NIO</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33"/>
        <source>Beep on FAIL</source>
        <translation>Signalton bei NIO</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="36"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="41"/>
        <source>Technician PIN</source>
        <translation>Techniker-PIN</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42"/>
        <source>Operating-system users</source>
        <translation>Benutzer des Betriebssystems</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>user names, comma-separated (OS mode)</source>
        <translation>Benutzernamen, durch Komma getrennt (Betriebssystem-Modus)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="50"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51"/>
        <source>forever</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63"/>
        <source>Camera (index or URL)</source>
        <translation>Kamera (Index oder URL)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>Watched folder</source>
        <translation>Überwachter Ordner</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="66"/>
        <source>Hold each verdict</source>
        <translation>Jedes Urteil stehen lassen</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>Shifts (start=name)</source>
        <translation>Schichten (Beginn=Name)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>Language (at next start)</source>
        <translation>Sprache (beim nächsten Start)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71"/>
        <source>Technician sign-in</source>
        <translation>Techniker-Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72"/>
        <source>Technicians</source>
        <translation>Techniker</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73"/>
        <source>Keep images and maps of PASS parts</source>
        <translation>Bilder und Karten von IO-Teilen aufbewahren</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74"/>
        <source>Keep images and maps of rejects</source>
        <translation>Bilder und Karten von Ausschuss aufbewahren</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/pin_dialog.py" line="46"/>
        <source>Set up station</source>
        <translation>Station einrichten</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="53"/>
        <source>One name (or badge) a line</source>
        <translation>Ein Name (oder Ausweis) pro Zeile</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="56"/>
        <source>This station has no technician yet: the first one sets it up.</source>
        <translation>Diese Station hat noch keinen Techniker: der erste richtet sie ein.</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="57"/>
        <source>Add a technician (or give one a new PIN), and keep the operators&apos; list.</source>
        <translation>Einen Techniker hinzufügen (oder ihm eine neue PIN geben) und die Bedienerliste pflegen.</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="58"/>
        <source>Technician name</source>
        <translation>Name des Technikers</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="59"/>
        <source>PIN (4 digits or more)</source>
        <translation>PIN (mindestens 4 Ziffern)</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="60"/>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="61"/>
        <source>Operators</source>
        <translation>Bediener</translation>
    </message>
</context>
<context>
    <name>ShiftBar</name>
    <message>
        <location filename="../../ui/shift_bar.py" line="58"/>
        <source>Operator: {0}</source>
        <translation>Bediener: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_bar.py" line="58"/>
        <source>Operator sign-in…</source>
        <translation>Bediener-Anmeldung…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_bar.py" line="61"/>
        <source>Lot: {0}</source>
        <translation>Los: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/shift_bar.py" line="61"/>
        <source>Enter lot…</source>
        <translation>Los eingeben…</translation>
    </message>
    <message>
        <location filename="../../ui/shift_bar.py" line="66"/>
        <source>{0} parts · {1} PASS · {2} FAIL · {3} REVIEW · {4} ERROR</source>
        <translation>{0} Teile · {1} IO · {2} NIO · {3} PRÜFEN · {4} FEHLER</translation>
    </message>
    <message>
        <location filename="../../ui/shift_bar.py" line="71"/>
        <source>Re-test part #{0}…</source>
        <translation>Teil #{0} nachprüfen…</translation>
    </message>
</context>
<context>
    <name>SimilarTab</name>
    <message>
        <location filename="../../ui/similar_tab.py" line="29"/>
        <source>Nearest inspections of this category (double-click to open):</source>
        <translation>Ähnlichste Prüfungen dieser Kategorie (Doppelklick öffnet):</translation>
    </message>
    <message>
        <location filename="../../ui/similar_tab.py" line="32"/>
        <source>no label</source>
        <translation>ohne Label</translation>
    </message>
    <message>
        <location filename="../../ui/similar_tab.py" line="33"/>
        <source>EXACT DUPLICATE  </source>
        <translation>EXAKTES DUPLIKAT  </translation>
    </message>
    <message>
        <location filename="../../ui/similar_tab.py" line="47"/>
        <source>Nothing stored yet to compare with.</source>
        <translation>Noch nichts zum Vergleich gespeichert.</translation>
    </message>
</context>
<context>
    <name>SiteHub</name>
    <message>
        <location filename="../../station/site/hub.py" line="26"/>
        <source>Site: connecting</source>
        <translation>Standort: verbindet</translation>
    </message>
    <message>
        <location filename="../../station/site/hub.py" line="85"/>
        <source>{0}: the site&apos;s approved model {1} is on the line</source>
        <translation>{0}: das vom Standort freigegebene Modell {1} ist in Betrieb</translation>
    </message>
    <message>
        <location filename="../../station/site/hub.py" line="88"/>
        <source>Site model not taken: {0}</source>
        <translation>Standort-Modell nicht übernommen: {0}</translation>
    </message>
    <message>
        <location filename="../../station/site/hub.py" line="92"/>
        <source>Site: away, {0} waiting</source>
        <translation>Standort: weg, {0} wartend</translation>
    </message>
    <message>
        <location filename="../../station/site/hub.py" line="93"/>
        <source> since {0}</source>
        <translation> seit {0}</translation>
    </message>
    <message>
        <location filename="../../station/site/hub.py" line="96"/>
        <source>Site: {0} waiting</source>
        <translation>Standort: {0} wartend</translation>
    </message>
    <message>
        <location filename="../../station/site/hub.py" line="99"/>
        <source>shipped to {0}:{1}/{2} as {3}</source>
        <translation>übertragen an {0}:{1}/{2} als {3}</translation>
    </message>
</context>
<context>
    <name>SynthGallery</name>
    <message>
        <location filename="../../ui/synth_gallery.py" line="21"/>
        <source>Choose a folder of good images to preview synthetic defects.</source>
        <translation>Einen Ordner mit Gutbildern wählen, um synthetische Fehler vorab zu sehen.</translation>
    </message>
</context>
<context>
    <name>ThresholdController</name>
    <message>
        <location filename="../../station/controllers/threshold.py" line="47"/>
        <source>No stored parts of {0} yet to preview on.</source>
        <translation>Noch keine gespeicherten Teile von {0} für die Vorschau.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/threshold.py" line="50"/>
        <source>Of the last {0} parts of {1}, none would change verdict.</source>
        <translation>Von den letzten {0} Teilen von {1} würde keines das Urteil ändern.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/threshold.py" line="51"/>
        <source>Of the last {0} parts of {1}, {2} would change verdict: {3}</source>
        <translation>Von den letzten {0} Teilen von {1} würden {2} das Urteil ändern: {3}</translation>
    </message>
    <message>
        <location filename="../../station/controllers/threshold.py" line="62"/>
        <source>Good parts: about {0:.1%} FAIL (between {1:.1%} and {2:.1%}), {3:.1%} to REVIEW from {4:.3f} (the {5} calibration goods).</source>
        <translation>Gutteile: etwa {0:.1%} NIO (zwischen {1:.1%} und {2:.1%}), {3:.1%} zur Prüfung ab {4:.3f} (die {5} Kalibrier-Gutteile).</translation>
    </message>
    <message>
        <location filename="../../station/controllers/threshold.py" line="69"/>
        <source>No model loaded: choose a category first.</source>
        <translation>Kein Modell geladen: zuerst eine Kategorie wählen.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/threshold.py" line="71"/>
        <location filename="../../station/controllers/threshold.py" line="98"/>
        <source>change the threshold</source>
        <translation>die Schwelle ändern</translation>
    </message>
    <message>
        <location filename="../../station/controllers/threshold.py" line="80"/>
        <source>the threshold is being changed</source>
        <translation>die Schwelle geändert wird</translation>
    </message>
    <message>
        <location filename="../../station/controllers/threshold.py" line="95"/>
        <source>Threshold of {0} not changed: a reason is needed (it goes in the change log).</source>
        <translation>Schwelle von {0} nicht geändert: ein Grund ist nötig (er kommt ins Änderungsprotokoll).</translation>
    </message>
    <message>
        <location filename="../../station/controllers/threshold.py" line="109"/>
        <source>Threshold of {0}: {1:.3f} → {2:.3f}</source>
        <translation>Schwelle von {0}: {1:.3f} → {2:.3f}</translation>
    </message>
</context>
<context>
    <name>ThresholdDialog</name>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="15"/>
        <source>Threshold of {0}</source>
        <translation>Schwelle von {0}</translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="30"/>
        <source>Why (kept in the change log)</source>
        <translation>Warum (steht im Änderungsprotokoll)</translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="32"/>
        <source>Current threshold {0:.3f}{1}</source>
        <translation>Aktuelle Schwelle {0:.3f}{1}</translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="33"/>
        <source>, calibrated {0:.3f}</source>
        <translation>, kalibriert {0:.3f}</translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="34"/>
        <source>New threshold</source>
        <translation>Neue Schwelle</translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="35"/>
        <source>Preview over the last parts</source>
        <translation>Vorschau über die letzten Teile</translation>
    </message>
    <message>
        <location filename="../../ui/threshold_dialog.py" line="37"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ToolActions</name>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="85"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="93"/>
        <source>Review shift</source>
        <translation>Schicht nachprüfen</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="94"/>
        <source>Threshold…</source>
        <translation>Schwelle…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="99"/>
        <source>Versions…</source>
        <translation>Versionen…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="100"/>
        <source>Change log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="95"/>
        <source>Shift report…</source>
        <translation>Schichtbericht…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="96"/>
        <source>Hand over shift…</source>
        <translation>Schicht übergeben…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="97"/>
        <source>Master check</source>
        <translation>Meisterteil-Prüfung</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="102"/>
        <source>Register masters…</source>
        <translation>Meisterteile erfassen…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="98"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="103"/>
        <source>Learn from confirmed defects…</source>
        <translation>Aus bestätigten Fehlern lernen…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="104"/>
        <source>Line links…</source>
        <translation>Linienanbindung…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="105"/>
        <source>Set up station…</source>
        <translation>Station einrichten…</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="106"/>
        <source>Full screen (F11)</source>
        <translation>Vollbild (F11)</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="120"/>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="136"/>
        <source>  Technician: {0}  </source>
        <translation>  Techniker: {0}  </translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="136"/>
        <source>  Operator  </source>
        <translation>  Bediener  </translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="140"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="140"/>
        <source>Technician sign-in</source>
        <translation>Techniker-Anmeldung</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="146"/>
        <source>sign in</source>
        <translation>sich anmelden</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="162"/>
        <source>No model loaded: choose a category first.</source>
        <translation>Kein Modell geladen: zuerst eine Kategorie wählen.</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="172"/>
        <source>make another model version active</source>
        <translation>eine andere Modellversion aktivieren</translation>
    </message>
    <message>
        <location filename="../../station/controllers/technician_tools.py" line="183"/>
        <source>rolled to {0}</source>
        <translation>auf {0} umgestellt</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <location filename="../../ui/train_dialog.py" line="33"/>
        <source>New category</source>
        <translation>Neue Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="35"/>
        <source>e.g. bottle-cap</source>
        <translation>z. B. flaschendeckel</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="38"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="43"/>
        <source>Also train the defect classifier (for Grad-CAM++; about 1–2 min more)</source>
        <translation>Auch den Fehlerklassifikator trainieren (für Grad-CAM++; etwa 1–2 min länger)</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="44"/>
        <source>Choose input size, memory bank and feature stages by the self-test (trains {0} times: about {0}x as long)</source>
        <translation>Eingabegröße, Speicherbank und Merkmalsstufen per Selbsttest wählen (trainiert {0}-mal: etwa {0}-mal so lange)</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="47"/>
        <source>From good images only (1 % false rejects)</source>
        <translation>Nur aus Gutbildern (1 % Fehlausschuss)</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="49"/>
        <source>Also let at most {0:.0%} of synthetic defects pass</source>
        <translation>Außerdem höchstens {0:.0%} der synthetischen Fehler durchlassen</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="52"/>
        <source>About {0:.0%} of good parts to REVIEW</source>
        <translation>Etwa {0:.0%} der Gutteile zur Prüfung</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="53"/>
        <source>No REVIEW band: PASS or FAIL</source>
        <translation>Kein PRÜFEN-Band: IO oder NIO</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="55"/>
        <source>The REVIEW band runs from the good scores&apos; quantile for this share above the false-reject rate up to the threshold: parts in it wait for a person</source>
        <translation>Das PRÜFEN-Band reicht vom Quantil der Gutwerte für diesen Anteil über der Fehlausschussrate bis zur Schwelle: Teile darin warten auf einen Menschen</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="58"/>
        <source>EfficientNet-Lite0 (fast; the default)</source>
        <translation>EfficientNet-Lite0 (schnell; Standard)</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="59"/>
        <source>EfficientNet-Lite1 (slower to train and judge)</source>
        <translation>EfficientNet-Lite1 (langsamer beim Trainieren und Bewerten)</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="60"/>
        <source>EfficientNet-Lite2 (slowest; caught most on magnetic tile)</source>
        <translation>EfficientNet-Lite2 (am langsamsten; fing auf Magnetkacheln am meisten)</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="63"/>
        <source>Category name</source>
        <translation>Name der Kategorie</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="64"/>
        <source>Folder of GOOD images</source>
        <translation>Ordner mit GUT-Bildern</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="65"/>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="66"/>
        <source>REVIEW band</source>
        <translation>PRÜFEN-Band</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="67"/>
        <source>Backbone</source>
        <translation>Merkmalsnetz</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="76"/>
        <location filename="../../ui/train_dialog.py" line="195"/>
        <source>Train from good images only; about 30 s for 200 images.</source>
        <translation>Training nur aus Gutbildern; etwa 30 s für 200 Bilder.</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="80"/>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="82"/>
        <source>Put on the line</source>
        <translation>Auf die Linie bringen</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="93"/>
        <source>&lt;b&gt;Synthetic defects&lt;/b&gt; the station will paint on the part to test itself:</source>
        <translation>&lt;b&gt;Synthetische Fehler&lt;/b&gt;, die die Station zum Selbsttest auf das Teil malt:</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="135"/>
        <source>Folder of good images</source>
        <translation>Ordner mit Gutbildern</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="142"/>
        <source>Painting a few synthetic defects…</source>
        <translation>Einige synthetische Fehler werden gemalt…</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="148"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="167"/>
        <source>{0}: {1} / {2}</source>
        <translation>{0}: {1} / {2}</translation>
    </message>
    <message>
        <location filename="../../ui/train_dialog.py" line="182"/>
        <source>Put {0} {1} on the line</source>
        <translation>{0} {1} auf die Linie bringen</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../ui/verdict_panel.py" line="36"/>
        <location filename="../../ui/verdict_panel.py" line="114"/>
        <source>NO MODEL</source>
        <translation>KEIN MODELL</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="101"/>
        <source>Choose a product category to start.</source>
        <translation>Zum Start eine Produktkategorie wählen.</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="112"/>
        <source>PASS</source>
        <translation>IO</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="112"/>
        <source>FAIL</source>
        <translation>NIO</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="112"/>
        <source>REVIEW</source>
        <translation>PRÜFEN</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="113"/>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="113"/>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="113"/>
        <source>INSPECTING</source>
        <translation>PRÜFT</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="114"/>
        <source>TRAINING</source>
        <translation>TRAINING</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="149"/>
        <source>inspection failed</source>
        <translation>Prüfung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="156"/>
        <source>score {0} / threshold {1}</source>
        <translation>Wert {0} / Schwelle {1}</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="157"/>
        <source>{0} × threshold  ·  {1}</source>
        <translation>{0} × Schwelle  ·  {1}</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="178"/>
        <source>⚠ 1 earlier FAIL not acknowledged: #{0} (Enter)</source>
        <translation>⚠ 1 früheres NIO nicht quittiert: #{0} (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="180"/>
        <source>⚠ {0} FAIL not acknowledged · Enter: #{1}</source>
        <translation>⚠ {0} NIO nicht quittiert · Enter: #{1}</translation>
    </message>
    <message>
        <source>⚠ 1 earlier FAIL part not acknowledged: #{0} (Enter)</source>
        <translation type="vanished">⚠ 1 früheres NIO-Teil nicht quittiert: #{0} (Enter)</translation>
    </message>
    <message>
        <source>⚠ {0} FAIL parts not acknowledged; Enter acknowledges #{1}, the oldest</source>
        <translation type="vanished">⚠ {0} NIO-Teile nicht quittiert; Enter quittiert #{1}, das älteste</translation>
    </message>
    <message>
        <source>{0:.2f} / threshold 0.50</source>
        <translation type="vanished">{0:.2f} / Schwelle 0,50</translation>
    </message>
    <message>
        <source>raw score {0:.2f} vs {1:.2f}  ·  {2}</source>
        <translation type="vanished">Rohwert {0:.2f} gegen {1:.2f}  ·  {2}</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="176"/>
        <source>⚠ Acknowledge this FAIL, part #{0} (Enter)</source>
        <translation>⚠ Dieses NIO quittieren, Teil #{0} (Enter)</translation>
    </message>
    <message>
        <source>⚠ {0} earlier FAIL part(s) not acknowledged, last #{1} (Enter)</source>
        <translation type="vanished">⚠ {0} frühere(s) NIO-Teil(e) nicht quittiert, zuletzt #{1} (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="204"/>
        <source>Model {0}</source>
        <translation>Modell {0}</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_panel.py" line="210"/>
        <source>NOT LOGGED: {0} part(s) — {1}</source>
        <translation>NICHT PROTOKOLLIERT: {0} Teil(e) — {1}</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../ui/record_tables.py" line="46"/>
        <source>Model versions of {0}</source>
        <translation>Modellversionen von {0}</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="50"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="50"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="50"/>
        <source>Made by</source>
        <translation>Erstellt durch</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="50"/>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="51"/>
        <source>Good images</source>
        <translation>Gutbilder</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="51"/>
        <source>Model id</source>
        <translation>Modell-ID</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="51"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="52"/>
        <source>Make the selected version active</source>
        <translation>Gewählte Version aktiv setzen</translation>
    </message>
    <message>
        <location filename="../../ui/record_tables.py" line="55"/>
        <source>Every version is kept; ● marks the one that judges parts now.</source>
        <translation>Jede Version bleibt erhalten; ● markiert die, die jetzt Teile bewertet.</translation>
    </message>
</context>
<context>
    <name>WhereTab</name>
    <message>
        <location filename="../../ui/where_tab.py" line="29"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="31"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="34"/>
        <source>Area (px)</source>
        <translation>Fläche (px)</translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="34"/>
        <source>% of part</source>
        <translation>% des Teils</translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="34"/>
        <source>Box x, y, w, h</source>
        <translation>Rahmen x, y, b, h</translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="35"/>
        <source>Peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="48"/>
        <source>No region reaches the threshold: nothing on the part looks anomalous enough to fail.</source>
        <translation>Kein Bereich erreicht die Schwelle: nichts am Teil wirkt auffällig genug für NIO.</translation>
    </message>
    <message>
        <location filename="../../ui/where_tab.py" line="50"/>
        <source>&lt;b&gt;{0} region(s)&lt;/b&gt; at or above the threshold, {1} px in all, {2:.2f} % of the part (outlined on the image).</source>
        <translation>&lt;b&gt;{0} Bereich(e)&lt;/b&gt; an oder über der Schwelle, zusammen {1} px, {2:.2f} % des Teils (im Bild umrandet).</translation>
    </message>
</context>
<context>
    <name>WhyTab</name>
    <message>
        <location filename="../../ui/why_tab.py" line="33"/>
        <source>Why this number</source>
        <translation>Warum dieser Wert</translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="42"/>
        <source>No SHAP explanation for this inspection.</source>
        <translation>Keine SHAP-Erklärung für diese Prüfung.</translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="48"/>
        <source> &lt;b style=&apos;color:#b3141b&apos;&gt;Below {0}: the measures explain this category&apos;s scores only roughly; read the bars as a hint.&lt;/b&gt;</source>
        <translation> &lt;b style=&apos;color:#b3141b&apos;&gt;Unter {0}: die Maße erklären die Werte dieser Kategorie nur grob; die Balken als Hinweis lesen.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="50"/>
        <source>The score {0:.2f} is explained by a surrogate (gradient boosting on the measures below, cross-validated R² {1:.2f}), which predicts {2:.2f}. Bars: how much each measure moves it from the category&apos;s average {3:.2f}.</source>
        <translation>Der Wert {0:.2f} wird durch ein Ersatzmodell erklärt (Gradient Boosting auf den Maßen unten, kreuzvalidiertes R² {1:.2f}), das {2:.2f} vorhersagt. Balken: wie weit jedes Maß ihn vom Kategoriemittel {3:.2f} verschiebt.</translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="57"/>
        <source>Click: full size</source>
        <translation>Klick: volle Größe</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../station/app.py" line="52"/>
        <source>Building the demo category from generated images…</source>
        <translation>Die Demo-Kategorie wird aus erzeugten Bildern gebaut…</translation>
    </message>
    <message>
        <location filename="../../station/site/hub.py" line="113"/>
        <source>Site settings: {0}</source>
        <translation>Standort-Einstellungen: {0}</translation>
    </message>
</context>
</TS>
