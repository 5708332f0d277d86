// GraphClient's media calls (whatsapp-cloud-api.md §9.1).
#include "graphclient.h"

#include "logging/relaylogging.h"

#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace Serambi::Relay {

namespace {

QHttpPart formField(const QByteArray &name, const QByteArray &value)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"" + name + "\""));
    part.setBody(value);
    return part;
}

// A file name safe inside a quoted Content-Disposition parameter.
QByteArray quotedFilename(const QString &filename)
{
    QByteArray name = filename.toUtf8();
    name.replace('"', '_').replace('\\', '_').replace('\r', '_').replace('\n', '_');
    return name.isEmpty() ? QByteArrayLiteral("file") : name;
}

} // namespace

void GraphClient::mediaInfo(const QString &mediaId, QObject *context, Done done)
{
    QUrl url = m_options.baseUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + mediaId);
    finish(m_nam->get(request(url)), Expect::MediaUrl, context, std::move(done));
}

bool GraphClient::isAllowedDownloadUrl(const QUrl &url, const QStringList &hosts)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    const QString host = url.host().toLower();
    for (const QString &entry : hosts) {
        const QString allowed = entry.trimmed().toLower();
        if (allowed.contains(QLatin1String("://"))) { // a whole origin, as written
            const QUrl origin(allowed);
            const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
            if (origin.scheme() == url.scheme() && origin.host() == host &&
                origin.port(defaultPort) == url.port(defaultPort))
                return true;
            continue;
        }
        if (url.scheme() != QLatin1String("https") || url.port(443) != 443)
            continue;
        if (allowed.startsWith(QLatin1String("*."))) {
            if (host.endsWith(allowed.mid(1)) && host.size() > allowed.size() - 1)
                return true;
        } else if (host == allowed) {
            return true;
        }
    }
    return false;
}

QNetworkReply *GraphClient::download(const QUrl &url)
{
    if (!isAllowedDownloadUrl(url, m_options.mediaDownloadHosts)) {
        // The URL carries a short-lived secret of Meta's: only its scheme and host are logged.
        qCWarning(lcGraph).noquote()
            << "media download refused:" << url.scheme() + QLatin1String("://") + url.host()
            << "is not in media_download_hosts";
        return nullptr;
    }
    return m_nam->get(request(url));
}

void GraphClient::uploadMedia(const QByteArray &bytes, const QString &mimeType,
                              const QString &filename, QObject *context, Done done)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    multipart->append(formField("messaging_product", "whatsapp"));
    QHttpPart file;
    file.setHeader(
        QNetworkRequest::ContentDispositionHeader,
        QByteArray("form-data; name=\"file\"; filename=\"" + quotedFilename(filename) + "\""));
    file.setHeader(QNetworkRequest::ContentTypeHeader, mimeType.toLatin1());
    file.setBody(bytes);
    multipart->append(file);
    multipart->append(formField("type", mimeType.toLatin1()));

    QUrl url = messagesUrl();
    url.setPath(url.path().replace(QStringLiteral("/messages"), QStringLiteral("/media")));
    QNetworkReply *reply = m_nam->post(request(url), multipart);
    multipart->setParent(reply);
    finish(reply, Expect::MediaId, context, std::move(done));
}

} // namespace Serambi::Relay
