// Reads glossary files with OmegaT 3.6's own glossary readers, headless, as
// OmegaT does when a file sits in a project's glossary/ folder.
//
//   groovy -cp /usr/share/omegat/OmegaT.jar omegat_glossary.groovy SRC:TGT:FILE...
//
// For each SRC:TGT:FILE (project source and target language, file), prints
// "# FILE: N entries" and then one line per entry: source TAB target TAB
// comment (line breaks in the comment shown as " / "). The reader is chosen as
// OmegaT's GlossaryManager chooses it: .tbx -> TBX, .txt/.utf8/.tab -> TSV,
// .csv -> CSV; any other extension is not loaded ("# FILE: not loaded").
import org.omegat.core.Core
import org.omegat.core.data.NotLoadedProject
import org.omegat.core.data.ProjectProperties
import org.omegat.gui.glossary.GlossaryReaderCSV
import org.omegat.gui.glossary.GlossaryReaderTBX
import org.omegat.gui.glossary.GlossaryReaderTSV

def out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8")
def props = new ProjectProperties() {}
Core.setProject(new NotLoadedProject() { ProjectProperties getProjectProperties() { props } })
args.each { arg ->
    def (src, tgt, path) = arg.split(":", 3)
    props.setSourceLanguage(src)
    props.setTargetLanguage(tgt)
    def f = new File(path)
    def name = f.name.toLowerCase()
    def entries
    if (name.endsWith(".tbx")) entries = GlossaryReaderTBX.read(f, false)
    else if (name.endsWith(".txt") || name.endsWith(".utf8") || name.endsWith(".tab")) entries = GlossaryReaderTSV.read(f, false)
    else if (name.endsWith(".csv")) entries = GlossaryReaderCSV.read(f, false)
    else { out.println "# ${path}: not loaded"; return }
    out.println "# ${path}: ${entries.size()} entries"
    entries.each { e -> out.println "${e.srcText}\t${e.locText}\t${e.commentText.replace('\n', ' / ')}" }
}
