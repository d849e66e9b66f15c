#!/usr/bin/python3
"""Reads a PDF's archival metadata with pikepdf (qpdf underneath) and its ICC output profile
with Pillow's ImageCms (LittleCMS), and prints what they find as JSON: the Info dictionary,
the XMP packet's PDF/A claim and facts, the output intents, the language, the version, the
trailer ID and whether every font is embedded. Used by the PDF tests; neither library is the
one that wrote the file. Debian's python3-pikepdf and python3-pil provide them."""

import io
import json
import sys

import pikepdf
from PIL import ImageCms

pdf = pikepdf.open(sys.argv[1])
info = {str(k)[1:]: str(v) for k, v in pdf.docinfo.items()}
meta = pdf.open_metadata()
xmp = {key: str(meta.get(key)) for key in ["pdfaid:part", "pdfaid:conformance", "dc:title", "dc:creator", "xmp:CreateDate", "xmp:CreatorTool", "pdf:Producer", "dc:language"] if meta.get(key) is not None}

intents = []
for oi in pdf.Root.get("/OutputIntents", []):
    profile = oi.DestOutputProfile
    icc = profile.read_bytes()
    cms = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    intents.append({
        "S": str(oi.S),
        "identifier": str(oi.OutputConditionIdentifier),
        "N": int(profile.N),
        "icc_description": ImageCms.getProfileDescription(cms).strip(),
        "icc_colour_space": cms.profile.xcolor_space.strip(),
    })

fonts = {}
for page in pdf.pages:
    for name, font in page.Resources.get("/Font", {}).items():
        described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
        descriptor = described.get("/FontDescriptor")
        embedded = descriptor is not None and any(k in descriptor for k in ["/FontFile", "/FontFile2", "/FontFile3"])
        fonts[str(font.get("/BaseFont"))] = embedded

print(json.dumps({
    "version": pdf.pdf_version,
    "info": info,
    "pdfa_status": meta.pdfa_status,
    "xmp": xmp,
    "intents": intents,
    "lang": str(pdf.Root.get("/Lang", "")),
    "has_id": "/ID" in pdf.trailer,
    "fonts": fonts,
}, ensure_ascii=False))
