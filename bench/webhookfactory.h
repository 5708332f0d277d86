#pragma once

#include <QByteArray>
#include <QStringView>

namespace Serambi::Bench {

// Meta-shaped text-message webhooks from a fixed crowd of Indonesian customers. Bodies escape
// non-ASCII as \uXXXX the way Meta sends them, so the relay verifies the HMAC over those bytes.
// Each wamid carries the run id, a sequence number and the send time, so a console can tell
// which webhook an event came from and how long it took without a shared map.
class WebhookFactory
{
public:
    struct Webhook
    {
        QByteArray body;
        QByteArray signature; // the X-Hub-Signature-256 value
    };

    WebhookFactory(QByteArray appSecret, QByteArray phoneNumberId, int customers, quint32 runId);

    // One signed webhook; sentNs is the steady-clock time stamped into its wamid.
    Webhook make(quint64 seq, qint64 sentNs) const;

    // Reads back the sequence number and send time from a wamid made with runId.
    static bool parseWamid(QStringView wamid, quint32 runId, quint64 *seq, qint64 *sentNs);

    int customers() const { return m_customers; }

private:
    QByteArray m_appSecret;
    QByteArray m_phoneNumberId;
    int m_customers;
    QByteArray m_runTag;
};

} // namespace Serambi::Bench
