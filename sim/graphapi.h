#pragma once

#include "httpexchange.h"
#include "outboundmessage.h"

#include <QObject>
#include <QStringList>

namespace Serambi::Sim {

class MediaStore;
class SimState;
class TemplateCatalog;
struct SimConfig;

// The Graph API's behaviour, request in, reply out: authentication, sends and mark-as-read,
// media, templates. GraphApiServer puts it on the network; faults are applied there.
class GraphApi : public QObject
{
    Q_OBJECT

public:
    GraphApi(const SimConfig &config, SimState &state, const TemplateCatalog &templates,
             MediaStore &media, QObject *parent = nullptr);

    // Bearer token check (code 190 when missing or wrong).
    std::optional<GraphError> authorize(const HttpRequest &request) const;
    // True for POST /{version}/{PNID}/messages, the requests faults apply to.
    bool isMessagesPost(const HttpRequest &request) const;
    // Everything but authentication.
    HttpReply handle(const HttpRequest &request);

Q_SIGNALS:
    void messageAccepted(const Serambi::Sim::OutboundMessage &message);
    void sendRefused(const QString &recipient, const Serambi::Sim::GraphError &error);
    void messageMarkedRead(const QString &wamid);

private:
    HttpReply handleMessages(const HttpRequest &request);
    HttpReply handleSend(const QJsonObject &body);
    HttpReply refuse(const QString &recipient, const GraphError &error);
    HttpReply handleUpload(const HttpRequest &request);
    HttpReply handleMediaGet(const HttpRequest &request, const QString &mediaId);
    HttpReply handleMediaDelete(const QString &mediaId);
    HttpReply handleDownload(const HttpRequest &request, const QString &mediaId);
    HttpReply handleTemplates(const HttpRequest &request, const QString &version);
    HttpReply handlePhoneNumber() const;
    QString baseUrl(const HttpRequest &request) const;
    QStringList versionedSegments(const QString &path) const;

    const SimConfig &m_config;
    SimState &m_state;
    const TemplateCatalog &m_templates;
    MediaStore &m_media;
};

} // namespace Serambi::Sim
