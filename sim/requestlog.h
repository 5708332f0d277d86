#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace Serambi::Sim {

// One request the fake Graph API received. The Authorization header is never kept.
struct RecordedRequest
{
    int seq = 0;
    QDateTime receivedAt;
    QString method;
    QString path;
    QString query;
    QByteArray contentType;
    QByteArray body;
    int status = 0; // 0 while the request is held by a timeout fault
    QString fault;  // "rate_limit", "server_error", "timeout" when a fault answered it

    QJsonObject jsonBody() const; // empty when the body is not a JSON object
    QJsonObject toJson() const;   // "body" (parsed JSON) or "raw_body_base64"
};

class RequestLog : public QObject
{
    Q_OBJECT

public:
    explicit RequestLog(QObject *parent = nullptr);

    int record(RecordedRequest request); // returns the sequence number, starting at 1
    void setOutcome(int seq, int status, const QString &fault = {});
    // Requests with seq > afterSeq, oldest first.
    QList<RecordedRequest> since(int afterSeq = 0) const;
    QList<RecordedRequest> matching(const QString &method, const QString &pathSuffix) const;
    int lastSeq() const { return m_nextSeq - 1; }
    int count() const { return int(m_requests.size()); }
    // Forgets the requests; sequence numbers keep growing so "since" stays meaningful.
    void clear();

Q_SIGNALS:
    void requestRecorded(int seq);
    void requestAnswered(int seq, int status);

private:
    QList<RecordedRequest> m_requests;
    int m_nextSeq = 1;
};

} // namespace Serambi::Sim
