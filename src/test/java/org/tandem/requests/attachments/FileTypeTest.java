package org.tandem.requests.attachments;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file is of a type when its name and its first bytes agree: what a browser would
 * render or run never passes for a document.
 */
class FileTypeTest {

	@Test
	void documentsAreKnownByTheirContent() {
		assertThat(FileType.PDF.holds(TestFiles.pdf())).isTrue();
		assertThat(FileType.DOCX.holds(TestFiles.docx())).isTrue();
		assertThat(FileType.ODT.holds(TestFiles.odt())).isTrue();
		assertThat(FileType.ZIP.holds(TestFiles.docx())).isTrue();
		assertThat(FileType.PNG.holds(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 })).isTrue();
		assertThat(FileType.TXT.holds("Plan du cours\nSemaine 1 : cellules".getBytes(StandardCharsets.UTF_8))).isTrue();
	}

	@Test
	void webPageRenamedAsADocumentIsNotOne() {
		assertThat(FileType.PDF.holds(TestFiles.html())).isFalse();
		assertThat(FileType.TXT.holds(TestFiles.html())).isFalse();
		assertThat(FileType.DOCX.holds(TestFiles.html())).isFalse();
		assertThat(FileType.JPEG.holds(TestFiles.html())).isFalse();
		assertThat(FileType.TXT.holds("\uFEFF  <svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isFalse();
	}

	@Test
	void zipOfAnotherKindIsNotThisKind() {
		assertThat(FileType.XLSX.holds(TestFiles.docx())).isFalse();
		assertThat(FileType.ODS.holds(TestFiles.odt())).isFalse();
		// The media type first, but compressed: not an OpenDocument file.
		assertThat(FileType.ODT
			.holds(TestFiles.zip(false, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<o/>")))
			.isFalse();
	}

	@Test
	void pageWithAZipGluedToItsEndIsNotAZip() {
		byte[] page = TestFiles.html();
		byte[] zip = TestFiles.docx();
		byte[] glued = new byte[page.length + zip.length];
		System.arraycopy(page, 0, glued, 0, page.length);
		System.arraycopy(zip, 0, glued, page.length, zip.length);

		assertThat(FileType.ZIP.holds(glued)).isFalse();
		assertThat(FileType.DOCX.holds(glued)).isFalse();
	}

	@Test
	void truncatedZipIsNotAZip() {
		byte[] zip = TestFiles.docx();

		assertThat(FileType.ZIP.holds(java.util.Arrays.copyOf(zip, zip.length - 30))).isFalse();
		assertThat(FileType.ZIP.holds(new byte[] { 'P', 'K', 3, 4 })).isFalse();
	}

	@Test
	void typeIsNamedByTheLastExtensionWhateverItsCase() {
		assertThat(FileType.named("Examen 2025.PDF")).contains(FileType.PDF);
		assertThat(FileType.named("photo.jpeg")).contains(FileType.JPEG);
		assertThat(FileType.named("page.html.pdf")).contains(FileType.PDF);
		assertThat(FileType.named("exam.pdf.html")).isEmpty();
		assertThat(FileType.named("drawing.svg")).isEmpty();
		assertThat(FileType.named("README")).isEmpty();
	}

	@Test
	void namesKeepWhatAPersonReadsAndLoseWhatAPathOrAPageWouldRead() {
		assertThat(FileNames.clean("Syllabus été 2026 – L’examen.pdf")).isEqualTo("Syllabus été 2026 – L’examen.pdf");
		assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.clean("C:\\Users\\prof\\Examen.docx")).isEqualTo("Examen.docx");
		assertThat(FileNames.clean("..\\..\\..pdf")).isEqualTo("pdf");
		assertThat(FileNames.clean("<img src=x onerror=alert(1)>.pdf")).isEqualTo("_img src=x onerror=alert(1)_.pdf");
		assertThat(FileNames.clean("a\r\nX-Evil: 1\".pdf")).isEqualTo("a__X-Evil_ 1_.pdf");
		assertThat(FileNames.clean("exam.pdf\u202Eexe.")).isEqualTo("exam.pdf_exe");
		assertThat(FileNames.clean("x".repeat(300) + ".pdf")).hasSize(FileNames.MAX_LENGTH).endsWith("x.pdf");
		assertThat(FileNames.clean(null)).isEmpty();
	}

	@Test
	void downloadNameKeepsItsAccentsInUtf8AfterAPlainOne() {
		assertThat(Download.contentDisposition("Syllabus été.pdf"))
			.isEqualTo("attachment; filename=\"Syllabus _t_.pdf\"; filename*=UTF-8''Syllabus%20%C3%A9t%C3%A9.pdf");
	}

	@Test
	void sizesReadAsPeopleReadThemNeverBelowTheTruth() {
		assertThat(new FileSize(10 * 1024 * 1024).amount()).isEqualByComparingTo("10");
		assertThat(new FileSize(10 * 1024 * 1024 + 1).amount()).isEqualByComparingTo("10.1");
		assertThat(new FileSize(1500).amount()).isEqualByComparingTo("2");
		assertThat(new FileSize(1500).key()).isEqualTo("attachment.size.kb");
	}

}
