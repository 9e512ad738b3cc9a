"""Make the self-hosted Nastaliq font: Noto Nastaliq Urdu cut down to the characters Urdu uses.

The browser only downloads it when no Nastaliq face is installed (see app/static/css/app.css).
Run with `make fonts` (needs Debian's fonts-noto-core and the dev requirements: fonttools, brotli).
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/noto/NotoNastaliqUrdu-Regular.ttf")
TARGET = Path(__file__).resolve().parents[1] / "app" / "static" / "fonts" / "nastaliq-urdu-subset.woff2"

# Urdu letters (Arabic block, with the Urdu-specific ٹ ڈ ڑ ں ہ ھ ے ۓ …), Urdu and Western digits,
# Urdu punctuation (، ۔ ؟ ٪ ؛), the joiners that shape ligatures, and the ASCII that sits in sentences.
UNICODES = [
    *range(0x0020, 0x007F),      # ASCII: spaces, digits, Latin punctuation and letters
    0x00A0, 0x00AB, 0x00BB, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2013, 0x2014,
    *range(0x060C, 0x0670),      # Arabic punctuation, letters, harakat and Arabic-Indic digits
    *range(0x0670, 0x06D6),      # extended letters Urdu needs: ٹ ڈ ڑ ژ ک گ ں ھ ہ ۂ ۃ ی ے ۓ ۔
    *range(0x06F0, 0x06FA),      # Urdu (Extended Arabic-Indic) digits
    0x200C, 0x200D, 0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069, 0xFDF2, 0xFDFA, 0xFDFD,
]


def main() -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # Nastaliq is all contextual shaping: keep every feature
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(SOURCE)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(TARGET)
    print(f"{TARGET.relative_to(Path.cwd())}: {TARGET.stat().st_size / 1024:.0f} KB "
          f"(from {SOURCE.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
