#pragma once

#include "store/templaterepo.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// A template send checked against the stored template.
struct TemplateMessage
{
    QJsonObject templateObject; // Meta's "template" object (§10.3)
    QString text;               // the body with its parameters filled in
    QString mediaKey;           // the relay media key of a media header, if it names one
};

// Builds Meta's template object for the stored template from send_template's "parameters"
// ({"header": [<param>], "body": [<param>], "buttons": [{"index", "payload" | "text"}]}).
// Counts positional {{n}} or named {{name}} placeholders and matches them to the parameters; a
// header of format IMAGE, VIDEO or DOCUMENT needs its media parameter: a relay media key
// ({"type": "image", "media": <key>}, sent as {"image": {"key"}} for the outbox to upload) or
// Meta's own object ({"type": "image", "image": {"id" | "link"}}); buttons by index (quick_reply
// payload, url text). nullopt with *problem naming what is wrong.
std::optional<TemplateMessage> buildTemplateMessage(const MessageTemplate &stored,
                                                    const QJsonObject &parameters,
                                                    QString *problem);

} // namespace Serambi::Relay
