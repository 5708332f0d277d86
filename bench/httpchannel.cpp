#include "httpchannel.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace Serambi::Bench {

namespace {

constexpr int RetryDelayMs = 100;

// Value of a header in a raw header block (names compared case-insensitively).
QByteArray headerValue(QByteArrayView headers, QByteArrayView name)
{
    qsizetype lineStart = headers.indexOf('\n') + 1;
    while (lineStart > 0 && lineStart < headers.size()) {
        qsizetype lineEnd = headers.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = headers.size();
        const QByteArrayView line = headers.sliced(lineStart, lineEnd - lineStart);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed().toByteArray();
        lineStart = lineEnd + 1;
    }
    return {};
}

} // namespace

RawHttpChannel::RawHttpChannel(const QString &host, quint16 port, QObject *parent)
    : HttpChannel(parent)
    , m_socket(new QTcpSocket(this))
    , m_host(host)
    , m_port(port)
    , m_hostHeader(host.toLatin1() + ':' + QByteArray::number(port))
{
    connect(m_socket, &QTcpSocket::readyRead, this, &RawHttpChannel::handleReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &RawHttpChannel::handleDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            handleDisconnected();
    });
    connect(m_socket, &QTcpSocket::connected, this,
            [this] { m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
}

void RawHttpChannel::open()
{
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        m_socket->connectToHost(m_host, m_port);
}

bool RawHttpChannel::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawHttpChannel::send(const HttpRequest &request)
{
    QByteArray head;
    head.reserve(256 + request.body.size());
    if (request.body.isEmpty()) {
        head += "GET " + request.path + " HTTP/1.1\r\nHost: " + m_hostHeader +
                "\r\nAccept: */*\r\n\r\n";
    } else {
        // The headers Meta's webhook deliveries carry.
        head += "POST " + request.path + " HTTP/1.1\r\nHost: " + m_hostHeader +
                "\r\nUser-Agent: facebookexternalua\r\nAccept: */*\r\n"
                "Content-Type: application/json\r\nX-Hub-Signature-256: " +
                request.signature +
                "\r\nContent-Length: " + QByteArray::number(request.body.size()) + "\r\n\r\n" +
                request.body;
    }
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        // Answered later, so a caller that retries at once does not spin.
        open();
        QTimer::singleShot(RetryDelayMs, this, [this] { Q_EMIT responded(0); });
        return;
    }
    m_awaiting = true;
    m_buffer.clear();
    m_socket->write(head);
}

void RawHttpChannel::handleReadyRead()
{
    m_buffer += m_socket->readAll();
    while (m_awaiting && parseResponse()) {
    }
}

// Consumes one complete response from the buffer, if there is one.
bool RawHttpChannel::parseResponse()
{
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QByteArrayView headers = QByteArrayView(m_buffer).first(headerEnd);
    const qsizetype firstSpace = headers.indexOf(' ');
    const int status = firstSpace > 0 ? headers.sliced(firstSpace + 1, 3).toInt() : 0;
    qsizetype end = headerEnd + 4;
    if (headerValue(headers, "Transfer-Encoding").compare("chunked", Qt::CaseInsensitive) == 0) {
        while (true) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", end);
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const qsizetype chunk =
                QByteArrayView(m_buffer).sliced(end, lineEnd - end).toLongLong(&ok, 16);
            if (!ok)
                return false;
            end = lineEnd + 2 + chunk + 2;
            if (end > m_buffer.size())
                return false;
            if (chunk == 0)
                break;
        }
    } else {
        end += headerValue(headers, "Content-Length").toLongLong();
        if (end > m_buffer.size())
            return false;
    }
    const bool closing =
        headerValue(headers, "Connection").compare("close", Qt::CaseInsensitive) == 0;
    m_buffer.remove(0, end);
    m_awaiting = false;
    if (closing)
        m_socket->disconnectFromHost();
    Q_EMIT responded(status);
    return true;
}

void RawHttpChannel::handleDisconnected()
{
    m_buffer.clear();
    if (m_awaiting) {
        m_awaiting = false;
        Q_EMIT responded(0);
    }
    QTimer::singleShot(RetryDelayMs, this, &RawHttpChannel::open);
}

QnamHttpChannel::QnamHttpChannel(const QString &host, quint16 port, QNetworkAccessManager *manager,
                                 QObject *parent)
    : HttpChannel(parent)
    , m_manager(manager)
    , m_base(QStringLiteral("http://%1:%2").arg(host).arg(port))
{}

void QnamHttpChannel::send(const HttpRequest &request)
{
    QNetworkRequest out(QUrl(m_base + QString::fromLatin1(request.path)));
    QNetworkReply *reply = nullptr;
    if (request.body.isEmpty()) {
        reply = m_manager->get(out);
    } else {
        out.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        out.setRawHeader("X-Hub-Signature-256", request.signature);
        reply = m_manager->post(out, request.body);
    }
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        Q_EMIT responded(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    });
}

} // namespace Serambi::Bench
