import type { DocumentMetadata } from '../../layout/LayoutModel.js';

/** What the XMP packet repeats of the Info dictionary: PDF/A-1 requires both to say the same. */
export interface XmpFields extends DocumentMetadata {
  readonly creatorTool: string;
  readonly producer: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The Info dictionary's dates are written in UTC to the second, so the XMP dates are too. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A language alternative with only its default, as PDF/A's Info mapping expects for title and subject. */
const defaultOnly = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;

/**
 * The XMP metadata packet of a PDF/A-1b document, built from the record's metadata alone (no clock,
 * no random ids) so the same record gives the same bytes. Keywords join with a space as pdf-lib
 * writes the Info dictionary's /Keywords.
 */
export function xmpMetadata(fields: XmpFields): string {
  const date = xmpDate(fields.date);
  const language = escapeXml(fields.language);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title>${defaultOnly(fields.title)}</dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description>${defaultOnly(fields.subject)}</dc:description>
   <dc:language><rdf:Bag><rdf:li>${language}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>${escapeXml(fields.creatorTool)}</xmp:CreatorTool>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>
   <pdf:Keywords>${escapeXml(fields.keywords.join(' '))}</pdf:Keywords>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>1</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
