#pragma once

#include "httpexchange.h"
#include "outboundmessage.h"

#include <QObject>

namespace Serambi::Sim {

class MediaStore;
class SimState;
struct SimConfig;

// Twilio's Messages resource as the relay's Twilio channel uses it (docs/providers/twilio.md
// §5, §6): POST /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP Basic
// AccountSid:AuthToken and a form (To, From, Body, MediaUrl, ContentSid, ContentVariables,
// StatusCallback) answered 201 with a Message resource (sid SM…, status queued), or Twilio's
// error JSON {code, message, more_info, status}; GET …/Messages/{sid}/Media/{id} serves the
// media customers send. Free-form messages outside the 24-hour window are accepted and then
// fail with 63016, as Twilio reports them.
class TwilioApi : public QObject
{
    Q_OBJECT

public:
    TwilioApi(const SimConfig &config, SimState &state, MediaStore &media,
              QObject *parent = nullptr);

    static bool isTwilioPath(const QString &path);
    HttpReply handle(const HttpRequest &request);

Q_SIGNALS:
    // body is the message in the Cloud API's shape, for the customers and the transcript.
    void messageAccepted(const Serambi::Sim::OutboundMessage &message);
    void sendRefused(const QString &recipient, const Serambi::Sim::GraphError &error);

private:
    HttpReply handleSend(const HttpRequest &request);
    HttpReply handleMedia(const QString &mediaId) const;
    HttpReply refuse(const QString &recipient, int code, const QString &message);

    const SimConfig &m_config;
    SimState &m_state;
    MediaStore &m_media;
};

} // namespace Serambi::Sim
