package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeFolderTest {

  private static final long ONE_MB = 1024 * 1024;

  @TempDir Path temp;
  Path root;
  KnowledgeFolder folder;

  @BeforeEach
  void setUp() throws Exception {
    root = temp.resolve("knowledge");
    Files.createDirectories(root);
    folder = new KnowledgeFolder(root, ONE_MB);
  }

  @Test
  void shouldListSupportedFilesInPathOrderAndReportTheOnesHrMustFix() throws Exception {
    // given
    ReaderFixtures.copy("bands.md", root);
    ReaderFixtures.copy("notes.txt", root.resolve("leave"));
    ReaderFixtures.copy("remote.docx", root);
    ReaderFixtures.copy("two-pages.pdf", root);
    ReaderFixtures.copy("two-pages.pdf.meta.yml", root);
    ReaderFixtures.copy("conduct.html", root.resolve(".drafts"));
    Files.writeString(root.resolve(".hidden.md"), "# Hidden");
    Files.writeString(root.resolve("~$remote.docx"), "lock");
    Files.writeString(root.resolve("logo.png"), "png");
    Files.writeString(root.resolve("old-handbook.doc"), "doc");
    Files.write(root.resolve("big.pdf"), new byte[(int) (2.5 * ONE_MB)]);

    // when
    KnowledgeFolder.Listing listing = folder.list();

    // then
    assertEquals(List.of("bands.md", "leave/notes.txt", "remote.docx", "two-pages.pdf"),
        listing.files().stream().map(SourceFile::source).toList());
    assertEquals(List.of(
        new IngestProblem("big.pdf", "file is 2.5 MB, over the 1 MB limit"),
        new IngestProblem("old-handbook.doc", "unsupported format .doc; save it as DOCX or PDF")),
        listing.problems());
  }

  @Test
  void shouldAcceptExtensionsInAnyCase() throws Exception {
    // given
    Files.writeString(root.resolve("LEAVE.MD"), "Text.");
    Files.writeString(root.resolve("Travel.Htm"), "<p>Text.</p>");

    // when
    List<SourceFile> files = folder.list().files();

    // then
    assertEquals(List.of("LEAVE.MD", "Travel.Htm"), files.stream().map(SourceFile::source).toList());
  }

  @Test
  void shouldHashTheFileBytes() throws Exception {
    // given
    Path notes = ReaderFixtures.copy("notes.txt", root);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(notes)));

    // when
    SourceFile file = folder.list().files().get(0);

    // then
    assertEquals(expected, file.contentHash());
    assertEquals(Files.size(notes), file.sizeBytes());
    assertEquals(notes, file.path());
  }

  @Test
  void shouldChangeTheHashWhenOnlyTheSidecarChanges() throws Exception {
    // given
    ReaderFixtures.copy("two-pages.pdf", root);
    Path sidecar = ReaderFixtures.copy("two-pages.pdf.meta.yml", root);
    String before = folder.list().files().get(0).contentHash();

    // when
    Files.writeString(sidecar, Files.readString(sidecar).replace("everyone", "managers"));
    String after = folder.list().files().get(0).contentHash();

    // then
    assertNotEquals(before, after);
    assertEquals(Set.of("managers"), folder.read(folder.list().files().get(0)).metadata().audience());
  }

  @Test
  void shouldFailClearlyWhenTheFolderIsMissing() {
    // given
    KnowledgeFolder missing = new KnowledgeFolder(temp.resolve("nowhere"), ONE_MB);

    // when
    NoSuchFileException e = assertThrows(NoSuchFileException.class, missing::list);

    // then
    assertEquals(temp.resolve("nowhere") + ": knowledge folder does not exist or is not a folder", e.getMessage());
  }

  @Test
  void shouldReportAFileThatCannotBeRead() throws Exception {
    // given
    Path secret = Files.writeString(root.resolve("secret.md"), "Salaries.");
    Files.writeString(root.resolve("open.md"), "Opening hours.");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(secret), "running as root: permissions are not enforced");

    // when
    KnowledgeFolder.Listing listing = folder.list();

    // then
    assertEquals(List.of("open.md"), listing.files().stream().map(SourceFile::source).toList());
    assertEquals(List.of(new IngestProblem("secret.md", "cannot be read (permission denied)")), listing.problems());
  }

  @Test
  void shouldReadAllMetadataKeysAndIgnoreUnknownOnes() throws Exception {
    // given
    write("expenses.md", """
        ---
        title: Expenses
        owner: Finance team
        effective: "2026-02-01"
        review_by: 2027-02-01
        audience: [Managers, HR]
        countries: gb, de
        tags: money, travel
        url: https://intranet.example/expenses
        layout: wide
        ---
        Claim within 30 days.
        """);

    // when
    DocumentMetadata metadata = readOnly().metadata();

    // then
    assertEquals(new DocumentMetadata(
        "Expenses",
        Optional.of("Finance team"),
        Optional.of(LocalDate.of(2026, 2, 1)),
        Optional.of(LocalDate.of(2027, 2, 1)),
        Set.of("managers", "hr"),
        Set.of("GB", "DE"),
        List.of("money", "travel"),
        Optional.of("https://intranet.example/expenses")),
        metadata);
  }

  @Test
  void shouldDefaultTheAudienceToEveryone() throws Exception {
    // given
    write("canteen.md", "---\naudience: Contractors\n---\nLunch.");
    write("gym.md", "Gym.");

    // when
    List<PolicyDocument> documents = readAll();

    // then
    assertEquals(Set.of("contractors"), documents.get(0).metadata().audience());
    assertEquals(Set.of(DocumentMetadata.EVERYONE), documents.get(1).metadata().audience());
  }

  @Test
  void shouldFallBackFromDeclaredTitleToFirstTopHeadingToFileName() throws Exception {
    // given
    write("a-declared.md", "---\ntitle: Declared\n---\n# Heading\nText.");
    write("b-heading.md", "## Second level\nText.\n# Sick pay\nText.");
    write("severance-pay.md", "## Only a second level\nText.");

    // when
    List<String> titles = readAll().stream().map(d -> d.metadata().title()).toList();

    // then
    assertEquals(List.of("Declared", "Sick pay", "Severance pay"), titles);
  }

  @Test
  void shouldStripMarkupFromADeclaredTitle() throws Exception {
    // given
    write("travel.md", "---\ntitle: Travel <em>before</em> onboarding &amp; after\n---\nBook early.");

    // when
    String title = readOnly().metadata().title();

    // then
    assertEquals("Travel before onboarding & after", title);
  }

  @Test
  void shouldUseASidecarForMarkdownWithoutFrontMatter() throws Exception {
    // given
    write("gym.md", "Gym access is free.");
    write("gym.md.meta.yml", "title: Gym\ncountries: [gb]\n");

    // when
    DocumentMetadata metadata = readOnly().metadata();

    // then
    assertEquals("Gym", metadata.title());
    assertEquals(Set.of("GB"), metadata.countries());
  }

  @Test
  void shouldExplainInvalidFrontMatterWithItsLine() throws Exception {
    // given
    write("leave.md", "---\ntitle: Leave\nowner: [HR\n---\nText.");

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, this::readOnly);

    // then
    assertEquals("leave.md", e.source());
    assertEquals("front matter is not valid YAML: line 3: expected ',' or ']', but got <stream end>", e.reason());
  }

  @Test
  void shouldExplainAnInvalidSidecarWithItsName() throws Exception {
    // given
    ReaderFixtures.copy("two-pages.pdf", root);
    write("two-pages.pdf.meta.yml", "title: Leave\n  owner: HR\n");

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, this::readOnly);

    // then
    assertEquals("two-pages.pdf: metadata file two-pages.pdf.meta.yml is not valid YAML: line 2: "
        + "mapping values are not allowed here", e.getMessage());
  }

  @Test
  void shouldExplainADateThatIsNotADate() throws Exception {
    // given
    write("leave.md", "---\ntitle: Leave\neffective: next spring\n---\nText.");

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, this::readOnly);

    // then
    assertEquals("leave.md: 'effective' is not a date (YYYY-MM-DD): 'next spring'", e.getMessage());
  }

  @Test
  void shouldRejectFrontMatterThatIsNotKeysAndValues() throws Exception {
    // given
    write("leave.md", "---\n- just\n- a list\n---\nText.");

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, this::readOnly);

    // then
    assertEquals("front matter must be a list of 'key: value' lines", e.reason());
  }

  @Test
  void shouldReadADocumentOfOnlyHeadingsAsParagraphs() throws Exception {
    // given
    write("contacts.md", "# Payroll: payroll@brightwater.example\n# IT: it@brightwater.example");

    // when
    List<TextBlock> blocks = readOnly().blocks();

    // then
    assertEquals(List.of(
        TextBlock.paragraph("Payroll: payroll@brightwater.example", 0),
        TextBlock.paragraph("IT: it@brightwater.example", 0)),
        blocks);
  }

  @Test
  void shouldReportAnEmptyDocument() throws Exception {
    // given
    write("empty.md", "---\ntitle: Empty\n---\n\n<!-- to do -->\n");

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, this::readOnly);

    // then
    assertEquals("empty.md: no text", e.getMessage());
  }

  @Test
  void shouldWrapAParserCrashAsUnreadable() throws Exception {
    // given
    DocumentReader crashing = file -> {
      throw new IllegalStateException("index 3 out of bounds");
    };
    KnowledgeFolder crashy = new KnowledgeFolder(root, ONE_MB, Map.of("pdf", crashing));
    ReaderFixtures.copy("two-pages.pdf", root);
    SourceFile file = crashy.list().files().get(0);

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> crashy.read(file));

    // then
    assertEquals("two-pages.pdf: could not be parsed (index 3 out of bounds)", e.getMessage());
    assertTrue(e.getCause() instanceof IllegalStateException);
  }

  private void write(String name, String text) throws Exception {
    Files.writeString(root.resolve(name), text);
  }

  private PolicyDocument readOnly() throws Exception {
    List<SourceFile> files = folder.list().files();
    assertEquals(1, files.size());
    return folder.read(files.get(0));
  }

  private List<PolicyDocument> readAll() throws Exception {
    List<PolicyDocument> documents = new ArrayList<>();
    for (SourceFile file : folder.list().files()) {
      documents.add(folder.read(file));
    }
    return documents;
  }

  @Test
  void shouldRemoveZeroWidthCharactersInsideWordsOfIndexedText() throws Exception {
    // given a policy whose words carry zero-width spaces, joiners and a soft hyphen (pasted from a web page)
    Files.writeString(root.resolve("leave.md"),
        "# An\u200Bnual leave\n\nYou get twenty-five days of an\u200Dnual leave and com\u00ADpassionate leave.\n");

    // when
    PolicyDocument document = folder.read(folder.list().files().get(0));

    // then the words are whole again, not split by spaces
    assertEquals("Annual leave", document.metadata().title());
    assertEquals("You get twenty-five days of annual leave and compassionate leave.", document.blocks().get(1).text());
  }

  @Test
  void shouldKeepNorwayAndOtherYamlBooleanLookalikesAsCountryCodes() throws Exception {
    // given YAML 1.1 would read NO, ON and Y as booleans
    Files.writeString(root.resolve("leave.md"),
        "---\ntitle: Leave\ncountries: [NO, 'DE', no]\naudience: [on, yes]\n---\n# Leave\nText.\n");

    // when
    DocumentMetadata metadata = folder.read(folder.list().files().get(0)).metadata();

    // then
    assertEquals(Set.of("NO", "DE"), metadata.countries());
    assertEquals(Set.of("on", "yes"), metadata.audience());
  }
}
