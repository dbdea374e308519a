"""Draw the program icon (resources/icon.png and resources/icon.ico) with Pillow.

Run once when the design changes (``python scripts/make_icon.py``); the program only reads the
files it writes. A report sheet with table lines and a red check mark on a blue tile: readable at
16 px in a file list and at 256 px on the desktop.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
BLUE, WHITE, LINE, RED = (22, 86, 160, 255), (255, 255, 255, 255), (150, 170, 200, 255), (200, 30, 30, 255)


def draw(size: int = 1024) -> Image.Image:
    unit = size / 64
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle([2 * unit, 2 * unit, 62 * unit, 62 * unit], radius=12 * unit, fill=BLUE)
    pen.rectangle([14 * unit, 9 * unit, 50 * unit, 55 * unit], fill=WHITE)
    for y in (19, 27, 35, 43):
        pen.line([19 * unit, y * unit, 45 * unit, y * unit], fill=LINE, width=round(2.5 * unit))
    pen.line([29 * unit, 17 * unit, 29 * unit, 45 * unit], fill=LINE, width=round(2 * unit))
    pen.line(
        [(26 * unit, 40 * unit), (34 * unit, 49 * unit), (54 * unit, 24 * unit)],
        fill=RED, width=round(6 * unit), joint="curve",
    )
    return image


def main() -> None:
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(RESOURCES / "icon.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(RESOURCES / "icon.ico", sizes=ICO_SIZES)
    print(f"wrote {RESOURCES / 'icon.png'} and {RESOURCES / 'icon.ico'}")


if __name__ == "__main__":
    main()
