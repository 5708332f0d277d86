// GraphClient's media calls (whatsapp-cloud-api.md §9.1).
#include "graphclient.h"

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

QNetworkReply *GraphClient::download(const QUrl &url)
{
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
