#include "darkpalette.h"

namespace Serambi::Ui {

QPalette darkPalette()
{
    const QColor window(0x20, 0x23, 0x26);
    const QColor base(0x17, 0x19, 0x1c);
    const QColor text(0xe6, 0xe8, 0xea);
    const QColor disabled(0x7a, 0x7f, 0x85);
    const QColor highlight(0x2f, 0x8f, 0xdd);

    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabled);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x2b, 0x2f, 0x33));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x7b, 0x72));
    palette.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x44));
    palette.setColor(QPalette::Midlight, QColor(0x30, 0x34, 0x38));
    palette.setColor(QPalette::Mid, QColor(0x25, 0x28, 0x2b));
    palette.setColor(QPalette::Dark, QColor(0x10, 0x12, 0x14));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x92, 0xf0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3a, 0x3f, 0x44));
    return palette;
}

} // namespace Serambi::Ui
