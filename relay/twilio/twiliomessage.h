#pragma once

#include "twilioform.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace Serambi::Relay {

// What a Twilio sender adds to every message it sends.
struct TwilioSender
{
    QString from;           // whatsapp:+14155238886
    QString statusCallback; // empty: the sender's own status callback URL applies
    // A Cloud API template name → its Content template's ContentSid (HX…). A template whose
    // name is itself a ContentSid needs no entry.
    QHash<QString, QString> contentSids;
};

// The Messages.json form of one outbound message in the Cloud API's shape
// (docs/providers/twilio.md §5): text as Body, media by link as MediaUrl (its caption as
// Body), a template as ContentSid with its body's text parameters as ContentVariables
// {"1": …, "2": …}. False with *error for what Twilio's Messages resource cannot carry
// (interactive, reactions, location, contacts, media by Meta id, a template without a
// ContentSid or with parameters outside its body, a recipient without a phone number).
bool twilioMessageForm(const QJsonObject &message, const TwilioSender &sender, FormParams *form,
                       QString *error);

} // namespace Serambi::Relay
