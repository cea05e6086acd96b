"""The app icon in the formats Windows and macOS want, made from ``resources/icons/hubcall.svg``.

    python packaging/icons.py OUT_DIR

writes ``hubcall.png`` (1024 px), ``hubcall.ico`` (16-256 px, for the Windows executables)
and ``hubcall.icns`` (16-1024 px, for the macOS ``.app``). The PyInstaller spec calls
:func:`make_icons` on Windows and macOS, so no binary icon is kept in the repository.

Each size is rendered from the SVG by Qt's own SVG renderer (QtSvg ships with
PySide6-Essentials), so small sizes are drawn crisp rather than scaled down; Pillow writes
the two containers (it is what PyInstaller itself uses to convert icons).
"""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "hubcall.svg"
# Windows shows 16-48 px in lists and 256 px in large views; macOS's iconset goes to 1024.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` x ``size`` canvas, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    # QImage and QPainter need an application object for fonts; offscreen needs no display.
    if QGuiApplication.instance() is None:
        QGuiApplication(["icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a usable SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def make_icons(out_dir: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write the PNG, ICO and ICNS icons into ``out_dir``; returns them by suffix."""
    from PIL import Image

    out_dir.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(ICO_SIZES) | set(ICNS_SIZES))
    images = {size: Image.open(io.BytesIO(render_png(svg, size))) for size in sizes}
    largest = images[max(sizes)]
    paths = {suffix: out_dir / f"hubcall.{suffix}" for suffix in ("png", "ico", "icns")}
    largest.save(paths["png"])
    # Pillow takes each extra size from append_images instead of scaling the first one.
    images[max(ICO_SIZES)].save(
        paths["ico"],
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES],
    )
    largest.save(paths["icns"], append_images=[images[s] for s in ICNS_SIZES])
    logger.info("icons written to %s", out_dir)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for path in make_icons(Path(sys.argv[1])).values():
        print(path)
