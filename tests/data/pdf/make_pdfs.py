"""Regenerate the test PDFs (run once with reportlab installed): a paper with a text layer, and an image-only
"scan" without one."""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
LINES = [
    "Ratsversammlung",
    "Beschlussvorlage Nr. VII-DS-09999",
    "Status: öffentlich",
    "Eingereicht von",
    "Dezernat Stadtentwicklung und Bau",
    "Betreff:",
    "Ladeinfrastruktur im öffentlichen Raum",
    "Beschlussvorschlag:",
    "1. Die Stadtwerke errichten 40 Ladepunkte an 20 Standorten.",
    "2. Die Förderung nach dem Erneuerbare-Energien-",
    "Gesetz wird mit der Leipziger Versorgungs- und Verkehrs-",
    "gesellschaft abgestimmt.",
]


def text_pdf(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Testvorlage")
    y = 800
    for line in LINES:
        c.drawString(60, y, line)
        y -= 18
    c.showPage()
    c.drawString(60, 800, "Begründung: Die Nachfrage steigt seit 2019 deutlich.")
    c.save()


def scan_pdf(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(60, 600, 300, 150, fill=1)
    c.showPage()
    c.save()


if __name__ == "__main__":
    text_pdf(HERE / "vorlage.pdf")
    scan_pdf(HERE / "scan.pdf")
