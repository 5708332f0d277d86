#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QNetworkAccessManager;
class QTcpSocket;

namespace Serambi::Bench {

// One request as the load generator issues it: a signed webhook POST or a plain GET.
struct HttpRequest
{
    QByteArray path;
    QByteArray body; // empty: GET
    QByteArray signature;
};

// One keep-alive HTTP/1.1 connection with at most one request in flight.
class HttpChannel : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void open() = 0;
    virtual bool isOpen() const = 0;
    virtual void send(const HttpRequest &request) = 0;

Q_SIGNALS:
    // The answer to the request in flight; status 0 when the connection failed instead.
    void responded(int status);
};

// The bench's own client: requests written in one call on a QTcpSocket, responses parsed by
// Content-Length or chunked encoding. Reconnects when the server closes.
class RawHttpChannel : public HttpChannel
{
    Q_OBJECT

public:
    RawHttpChannel(const QString &host, quint16 port, QObject *parent = nullptr);

    void open() override;
    bool isOpen() const override;
    void send(const HttpRequest &request) override;

private:
    void handleReadyRead();
    void handleDisconnected();
    bool parseResponse();

    QTcpSocket *m_socket;
    QString m_host;
    quint16 m_port;
    QByteArray m_hostHeader;
    QByteArray m_buffer;
    bool m_awaiting = false;
};

// The same through QNetworkAccessManager, which keeps at most six connections per host: the
// load generator gives every six channels their own manager.
class QnamHttpChannel : public HttpChannel
{
    Q_OBJECT

public:
    QnamHttpChannel(const QString &host, quint16 port, QNetworkAccessManager *manager,
                    QObject *parent = nullptr);

    void open() override {}
    bool isOpen() const override { return true; }
    void send(const HttpRequest &request) override;

private:
    QNetworkAccessManager *m_manager;
    QString m_base;
};

} // namespace Serambi::Bench
