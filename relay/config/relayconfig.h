#pragma once

#include "businesshours.h"
#include "channelconfig.h"
#include "clientaddress.h"
#include "csatconfig.h"
#include "orderstatustemplates.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Serambi::Relay {

// Everything the relay reads at start-up (docs/configuration.md). Secrets are kept as bytes
// and never logged.
struct RelayConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8090;
    QString dataDir;
    QByteArray appSecret;
    QByteArray verifyToken;
    QByteArray graphToken;
    QUrl graphUrl = QUrl(QStringLiteral("https://graph.facebook.com/v25.0"));
    QString phoneNumberId;
    // The WhatsApp Business Account whose message templates the relay syncs; empty: no sync.
    QString wabaId;
    // Templates asked for per page of message_templates (tests shrink it to see paging).
    int templatePageSize = 100;
    QString defaultAiMode = QStringLiteral("draft");
    // [csat]: the rating question after a resolved chat (off by default).
    CsatSettings csat;
    bool fullSync = true;
    // PostgreSQL instead of <data_dir>/relay.sqlite: postgresql://user@host:port/database, and
    // the password it logs in with (a secret, never logged); empty: SQLite.
    QString dbUrl;
    QByteArray dbPassword;
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    int pbkdf2Iterations = 210000;
    // Queued chats go to online agents with fewer open chats than this; 0 = nobody is
    // auto-assigned.
    int autoAssignCapacity = 0;
    // Routing of queued chats to teams (docs/configuration.md, "Teams and routing"): pairs of
    // (lower-case keyword, team) and (handoff reason, team), in the order configured.
    QList<QPair<QString, QString>> routeKeywords;
    QList<QPair<QString, QString>> routeReasons;
    int sendTimeoutMs = 20000;
    int sendMaxAttempts = 8;
    int sendBackoffMs = 1000;
    // Where the Graph token may go when the relay downloads customers' media: Meta's media
    // hosts, https only (GraphOptions::mediaDownloadHosts). Tests add the simulator's origin.
    QStringList mediaDownloadHosts{QStringLiteral("lookaside.fbsbx.com")};
    // The HTTP port (docs/configuration.md "Limits"): a request's headers must be complete this
    // long after its first byte; a connection with nothing moving either way is closed after
    // the idle timeout; one address holds at most this many connections (0: no cap).
    int httpHeaderTimeoutMs = 10000;
    int httpIdleTimeoutMs = 60000;
    int httpMaxConnectionsPerAddress = 64;
    // Bearer token /metrics asks for; empty: /metrics is open (bind the relay to loopback).
    QByteArray metricsToken;
    // POST /media: the bytes one user may upload in 24 hours (0: no quota) and the age after
    // which an upload no message refers to is deleted (0: kept).
    int uploadQuotaMib = 1024;
    int uploadRetentionHours = 48;
    // The offline drafter (docs/ai.md): confidence needed to send in auto mode, confidence
    // below which it abstains, agents' handoff keywords, abstentions in a row before handoff.
    double aiAutoThreshold = 0.8;
    double aiAbstainThreshold = 0.5;
    QStringList aiHandoffKeywords;
    int aiLowConfidenceHandoffs = 2;
    // A customer's messages this close together get one draft (0: one per message).
    int aiBurstQuietMs = 3000;
    // The LLM drafter (docs/ai.md): any OpenAI-compatible chat completions endpoint. Used when
    // a key is set or the base URL was set explicitly (a local server needs no key).
    QUrl llmBaseUrl = QUrl(QStringLiteral("https://openrouter.ai/api/v1"));
    bool llmBaseUrlSet = false;
    QString llmModel = QStringLiteral("openai/gpt-4o-mini");
    QByteArray llmApiKey;
    QList<QPair<QByteArray, QByteArray>> llmHeaders;
    int llmTimeoutMs = 20000;
    // The agents' hub (docs/configuration.md, "Limits"): proxies whose X-Forwarded-For is
    // believed, session limits, concurrent password checks, the replay ring, each console's
    // unread output, how often user changes are looked for.
    TrustedProxies trustedProxies;
    int sessionTtlDays = 30;
    int sessionIdleDays = 14;
    int loginCheckSlots = 8;
    int replayRingEvents = 10000;
    int replayRingMib = 64;
    int consoleBufferMib = 16;
    int authPollMs = 1000;
    // LLM requests in flight at once (1 to 6, Qt's connections per host); more wait in the
    // relay's own queue, their timeout not yet running.
    int llmMaxConcurrent = 4;

    // The secret of the WooCommerce webhooks (docs/integrations.md); empty: POST
    // /woocommerce/webhook answers 404.
    QByteArray wooWebhookSecret;
    // What Meta charges per billable message of each pricing category (meta_rate_<category>),
    // in meta_currency, for the report's estimated Meta cost (docs/reports.md).
    QHash<QString, double> metaRates;
    QString metaCurrency = QStringLiteral("USD");

    // [channel.main]: how consoles show the main channel (the number above) and its outbox
    // rate (0: the Cloud API's own).
    QString mainLabel = MainChannel;
    QString mainColour;
    int mainRatePerSecond = 0;
    QString mainTeam;
    // [channel.<name>]: the channels besides main (docs/configuration.md, "Channels").
    QList<ChannelConfig> channels;
    // Per order status, the template sent to customers who opted in (docs/integrations.md).
    QList<OrderStatusTemplate> orderStatusTemplates;
    // When people answer (docs/configuration.md, "Business hours"), and what a customer who
    // writes outside them is told, once per closed period ({opens}: the next opening, in
    // outOfHoursLanguage); an empty reply sends nothing.
    BusinessHours businessHours;
    QString outOfHoursReply = QStringLiteral(
        "Terima kasih sudah menghubungi kami. Saat ini kami di luar jam layanan; tim kami akan "
        "membalas {opens}. Pesan Anda sudah kami terima.");
    QString outOfHoursLanguage = QStringLiteral("id");

    bool llmEnabled() const { return !llmApiKey.isEmpty() || llmBaseUrlSet; }
    // Every channel, main first (built from the [relay] keys above).
    QList<ChannelConfig> allChannels() const;

    // The database the store opens (store/database.h): dbUrl, or <data_dir>/relay.sqlite.
    QString databasePath() const;
    QString mediaDir() const; // <data_dir>/media
    // The knowledge base `kb import` writes and the drafter reads (docs/ai.md).
    QString knowledgeBasePath() const;
};

// Reads the INI file (may be empty: no file), then SERAMBI_* variables from env, then the
// secrets file. On a missing or invalid value returns nullopt and sets *error to one line
// naming the key.
std::optional<RelayConfig> loadRelayConfig(const QString &iniPath, const QProcessEnvironment &env,
                                           QString *error);

// Only what a CLI verb like `user add` needs: the data directory, without requiring secrets.
std::optional<RelayConfig> loadRelayStorageConfig(const QString &iniPath,
                                                  const QProcessEnvironment &env, QString *error);

} // namespace Serambi::Relay
