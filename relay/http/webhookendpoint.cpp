#include "webhookendpoint.h"

#include "channels/channel.h"
#include "ingest/webhookingest.h"
#include "logging/relaylogging.h"
#include "metrics.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>

#include <memory>

namespace Serambi::Relay {

namespace {

// Logged foreign numbers are remembered up to this many, so a flood of made-up ids cannot grow
// the set without bound; past it each is logged at debug only.
constexpr int MaxLoggedNumbers = 64;

const std::array<const char *, WebhookEndpoint::UnknownStatusCount> UnknownStatusNames{
    "sent", "delivered", "read", "played", "failed", "other"};

WebhookEndpoint::UnknownStatus unknownStatusBucket(const QString &status)
{
    for (int i = 0; i < WebhookEndpoint::UnknownOther; ++i) {
        if (status == QLatin1String(UnknownStatusNames[std::size_t(i)]))
            return WebhookEndpoint::UnknownStatus(i);
    }
    return WebhookEndpoint::UnknownOther;
}

bool allDigits(const QString &text)
{
    return !text.isEmpty() &&
           std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

void respond(QHttpServerResponder &responder, QHttpServerResponder::StatusCode status,
             const QByteArray &body = {})
{
    responder.write(body, QByteArrayLiteral("text/plain; charset=utf-8"), status);
}

} // namespace

WebhookEndpoint::WebhookEndpoint(Channel *channel, WebhookOptions options, StoreWriter *writer,
                                 QObject *parent)
    : QObject(parent), m_channel(channel), m_options(std::move(options)), m_writer(writer)
{}

void WebhookEndpoint::handleVerification(const QHttpServerRequest &request,
                                         QHttpServerResponder &&responder)
{
    if (const auto answer = m_channel->verificationAnswer(request.query())) {
        qCInfo(lcIngest) << "webhook verification accepted";
        respond(responder, QHttpServerResponder::StatusCode::Ok, *answer);
        return;
    }
    qCWarning(lcIngest) << "webhook verification refused from" << request.remoteAddress();
    respond(responder, QHttpServerResponder::StatusCode::Forbidden, "verification refused\n");
}

void WebhookEndpoint::handlePost(const QHttpServerRequest &request,
                                 QHttpServerResponder &&responder)
{
    const QByteArray body = request.body();
    if (body.size() > m_options.maxBodyBytes) {
        ++m_results[TooLarge];
        qCWarning(lcIngest) << "webhook refused: body of" << body.size() << "bytes";
        respond(responder, QHttpServerResponder::StatusCode::PayloadTooLarge, "body too large\n");
        return;
    }
    InboundRequest inbound;
    inbound.body = body;
    const auto headers = request.headers();
    for (const auto &[name, value] : headers)
        inbound.headers.append({name, value});
    inbound.publicUrl = request.url();
    InboundResult received = m_channel->receive(inbound);
    switch (received.verdict) {
    case InboundResult::Verdict::MissingSignature:
        ++m_results[MissingSignature];
        qCWarning(lcIngest) << "webhook refused:" << received.problem << "from"
                            << request.remoteAddress();
        respond(responder, QHttpServerResponder::StatusCode::Unauthorized, "signature missing\n");
        return;
    case InboundResult::Verdict::BadSignature:
        ++m_results[BadSignature];
        qCWarning(lcIngest) << "webhook refused:" << received.problem << "from"
                            << request.remoteAddress();
        respond(responder, QHttpServerResponder::StatusCode::Forbidden, "signature mismatch\n");
        return;
    case InboundResult::Verdict::Malformed:
        ++m_results[BadJson];
        qCWarning(lcIngest) << "webhook refused:" << received.problem;
        respond(responder, QHttpServerResponder::StatusCode::BadRequest, "malformed webhook\n");
        return;
    case InboundResult::Verdict::Accepted:
        break;
    }
    received.batch.channel = m_channel->name();
    if (received.foreignChanges > 0) {
        m_foreignChanges += quint64(received.foreignChanges);
        noteForeignNumbers(received.foreignNumbers);
    }

    // Answered once the batch is committed; the socket may be gone by then.
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = pending->socket();
    const QString aiMode = m_options.defaultAiMode;
    m_writer->submit(
        [batch = std::move(received.batch), aiMode, csat = m_options.csat](WriteTxn &txn) {
            return WriteResult::success(
                QVariant::fromValue(ingestWebhook(txn, batch, aiMode, csat)));
        },
        this,
        [this, pending, socket](const WriteResult &result) {
            if (!result.ok) {
                ++m_results[StoreFailed];
                qCCritical(lcIngest) << "webhook not stored:" << result.error;
            } else {
                ++m_results[Stored];
                const auto outcome = result.value.value<IngestOutcome>();
                m_messagesStored += quint64(outcome.messagesStored);
                m_duplicates += quint64(outcome.duplicates);
                m_editsAndRevokes += quint64(outcome.changesApplied);
                for (auto it = outcome.statusesOfUnknownMessages.cbegin();
                     it != outcome.statusesOfUnknownMessages.cend(); ++it)
                    m_unknownStatuses[std::size_t(unknownStatusBucket(it.key()))] +=
                        quint64(it.value());
            }
            if (!socket)
                return;
            if (result.ok) {
                const WebhookAnswer answer = m_channel->acknowledgement();
                pending->write(answer.body, answer.contentType,
                               QHttpServerResponder::StatusCode::Ok);
            } else {
                respond(*pending, QHttpServerResponder::StatusCode::InternalServerError,
                        "not stored\n");
            }
        });
}

void WebhookEndpoint::noteForeignNumbers(const QStringList &numbers)
{
    for (const QString &number : numbers) {
        // Not digits: not a phone number id at all; one line for all such, never the text.
        const QString seen = allDigits(number) ? number : QStringLiteral("(not digits)");
        if (m_loggedNumbers.contains(seen))
            continue;
        if (m_loggedNumbers.size() >= MaxLoggedNumbers) {
            qCDebug(lcIngest) << "ignoring a change for business number" << seen;
            continue;
        }
        m_loggedNumbers.insert(seen);
        if (seen == number)
            qCWarning(lcIngest).noquote()
                << "ignoring changes for business number" << number << "(this relay serves"
                << m_channel->businessNumber() << "only)";
        else
            qCWarning(lcIngest) << "ignoring changes whose phone_number_id is not digits";
    }
}

void WebhookEndpoint::registerMetrics(MetricsRegistry &metrics, const QString &channelLabel) const
{
    auto labels = [&channelLabel](const QString &own) -> QString {
        if (channelLabel.isEmpty() || own.isEmpty())
            return channelLabel + own;
        return channelLabel + QLatin1Char(',') + own;
    };
    const QString help = QStringLiteral("Webhook POSTs by result");
    const std::array<const char *, ResultCount> names{
        "stored", "bad_signature", "missing_signature", "bad_json", "too_large", "store_failed"};
    for (int i = 0; i < ResultCount; ++i) {
        metrics.add(
            QStringLiteral("serambi_webhooks_total"), MetricsRegistry::Type::Counter, help,
            labels(QStringLiteral("result=\"%1\"").arg(QLatin1String(names[std::size_t(i)]))),
            [this, i] { return double(m_results[std::size_t(i)].load()); });
    }
    metrics.add(QStringLiteral("serambi_messages_stored_total"), MetricsRegistry::Type::Counter,
                QStringLiteral("Inbound messages stored"), labels({}),
                [this] { return double(m_messagesStored.load()); });
    metrics.add(QStringLiteral("serambi_messages_duplicate_total"), MetricsRegistry::Type::Counter,
                QStringLiteral("Inbound messages Meta delivered again (already stored)"),
                labels({}), [this] { return double(m_duplicates.load()); });
    metrics.add(QStringLiteral("serambi_webhook_foreign_changes_total"),
                MetricsRegistry::Type::Counter,
                QStringLiteral("Webhook changes for another business number, ignored"), labels({}),
                [this] { return double(m_foreignChanges.load()); });
    metrics.add(QStringLiteral("serambi_messages_changed_total"), MetricsRegistry::Type::Counter,
                QStringLiteral("Customers' edits and revokes applied to their message"), labels({}),
                [this] { return double(m_editsAndRevokes.load()); });
    const QString unknownHelp =
        QStringLiteral("Statuses Meta reported for messages the relay does not have");
    for (int i = 0; i < UnknownStatusCount; ++i) {
        metrics.add(QStringLiteral("serambi_statuses_unknown_message_total"),
                    MetricsRegistry::Type::Counter, unknownHelp,
                    labels(QStringLiteral("status=\"%1\"")
                               .arg(QLatin1String(UnknownStatusNames[std::size_t(i)]))),
                    [this, i] { return double(m_unknownStatuses[std::size_t(i)].load()); });
    }
}

} // namespace Serambi::Relay
