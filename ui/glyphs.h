#pragma once

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace Serambi::Ui::Glyphs {

// Small vector drawings the delegates paint, sharp at any device pixel ratio.

// The kind of a media message: photo, video, voice, document, location, sticker, contact.
// Nothing for text.
void paintMessageType(QPainter *painter, const QRectF &rect, const QString &type,
                      const QColor &color);
// Delivery state of an outbound message: a clock while pending, one tick when sent, two when
// delivered, two in readColor when read, an exclamation mark in failedColor when failed.
void paintDelivery(QPainter *painter, const QRectF &rect, const QString &status,
                   const QColor &color, const QColor &readColor, const QColor &failedColor);
// Whether paintMessageType draws anything for the type.
bool hasTypeGlyph(const QString &type);

} // namespace Serambi::Ui::Glyphs
