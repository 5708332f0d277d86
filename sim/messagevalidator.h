#pragma once

#include "grapherror.h"
#include "templatecatalog.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Serambi::Sim {

// Checks a POST /{PNID}/messages send body as Meta documents it (reference §8, §10.3): common
// fields, the type's object and its limits, and templates against the catalog. Returns the error
// Meta would answer with, or nothing when the body is acceptable. The 24-hour window is not
// checked here (it depends on the customer, see GraphApi).
std::optional<GraphError> validateMessage(const QJsonObject &body, const TemplateCatalog &catalog);

// A mark-as-read (optionally with typing indicator) body: {"messaging_product":"whatsapp",
// "status":"read","message_id":...}.
std::optional<GraphError> validateMarkRead(const QJsonObject &body);

// An image/video/audio/document/sticker object: exactly one of "id"/"link", caption rules.
std::optional<GraphError> validateMediaObject(const QJsonObject &media, const QString &type);

// Digits of a "to" value ("+62 812-3456" -> "628123456"); empty when it is not a phone number.
QString normalizePhoneNumber(const QString &to);

// Length as Meta counts it: Unicode code points, so an emoji is one character.
int characterCount(const QString &text);

} // namespace Serambi::Sim
