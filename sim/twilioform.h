#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Serambi::Sim {

// Twilio's side of the wire: form bodies and X-Twilio-Signature, written apart from the relay's
// so that each checks the other.
using TwilioForm = QList<QPair<QString, QString>>;

// Decodes an application/x-www-form-urlencoded body; false when a field has no name.
bool parseTwilioForm(const QByteArray &body, TwilioForm *form);
QByteArray encodeTwilioForm(const TwilioForm &form);
QString twilioField(const TwilioForm &form, const QString &name);
// base64(HMAC-SHA1(authToken, url + each name+value sorted by name)), as Twilio signs.
QByteArray twilioSignature(const QString &url, const TwilioForm &form, const QByteArray &authToken);
// "SM" and 32 hex digits: a Message SID, derived from seed (a wamid) so a redelivery keeps it.
QString twilioMessageSid(const QString &seed);

} // namespace Serambi::Sim
