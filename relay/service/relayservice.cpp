#include "relayservice.h"

#include "ai/draftcoordinator.h"
#include "ai/kbdrafter.h"
#include "ai/knowledgebase.h"
#include "ai/llmdrafter.h"
#include "ai/orderdrafter.h"
#include "channels/channelset.h"
#include "config/configreload.h"
#include "http/mediaendpoint.h"
#include "http/mediastream.h"
#include "http/metrics.h"
#include "http/relayhttpserver.h"
#include "http/webhookendpoint.h"
#include "http/woowebhookendpoint.h"
#include "hub/agenthub.h"
#include "hub/autoassigner.h"
#include "integrations/commerce/storedorders.h"
#include "logging/relaylogging.h"
#include "outbound/outofhoursreply.h"
#include "protocol/channelpayload.h"
#include "protocol/medialimits.h"
#include "store/database.h"
#include "store/draftrepo.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "twilio/twiliochannel.h"
#include "whatsapp/cloudapichannel.h"
#include "whatsapp/mediadownloader.h"
#include "whatsapp/outboxsender.h"
#include "whatsapp/readreceipts.h"
#include "whatsapp/templatesyncer.h"

#include <QNetworkAccessManager>
#include <QWebSocket>

namespace Serambi::Relay {

namespace {

// How consoles show a channel and what their agents may send through it.
Protocol::ChannelPayload channelPayload(const ChannelConfig &config, const Channel &channel)
{
    Protocol::ChannelPayload payload;
    payload.name = config.name;
    payload.label = config.label.isEmpty() ? config.name : config.label;
    payload.color = config.colour;
    payload.provider = channel.provider();
    const ChannelCapabilities &capable = channel.capabilities();
    payload.capabilities.interactive = capable.interactive;
    payload.capabilities.templates = capable.templates;
    payload.capabilities.reactions = capable.reactions;
    QStringList media;
    for (const Protocol::MediaKind kind : capable.mediaKinds)
        media.append(Protocol::mediaKindName(kind));
    payload.capabilities.media = media;
    return payload;
}

// The options of the parts a reload reconfigures, from the configuration.
KbDrafterOptions kbDrafterOptions(const RelayConfig &config)
{
    KbDrafterOptions drafter;
    drafter.abstainBelow = config.aiAbstainThreshold;
    drafter.handoffKeywords = config.aiHandoffKeywords;
    return drafter;
}

DraftPolicy draftPolicy(const RelayConfig &config)
{
    DraftPolicy policy;
    policy.autoThreshold = config.aiAutoThreshold;
    policy.abstainThreshold = config.aiAbstainThreshold;
    policy.lowConfidenceHandoffs = config.aiLowConfidenceHandoffs;
    policy.burstQuietMs = config.aiBurstQuietMs;
    return policy;
}

OutOfHoursOptions outOfHoursOptions(const RelayConfig &config)
{
    return {config.businessHours, config.outOfHoursReply, config.outOfHoursLanguage};
}

RoutingRules routingRules(const RelayConfig &config)
{
    RoutingRules rules{config.routeKeywords, config.routeReasons, {}};
    for (const ChannelConfig &channel : config.allChannels()) {
        if (!channel.team.isEmpty())
            rules.channels.insert(channel.name, channel.team);
    }
    return rules;
}

} // namespace

RelayService::RelayService(RelayConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{}

RelayService::~RelayService()
{
    // The HTTP server goes first so no new work arrives; the writer then finishes its queue
    // before the objects its completions are addressed to go away.
    m_http.reset();
    if (m_writer)
        m_writer->stop();
    // After the writer: its last jobs (a sweep, a token lookup) answer to the endpoint.
    m_media.reset();
    m_autoAssigner.reset();
    m_outOfHours.reset();
    m_hub.reset();
    m_templates.reset();
    m_readReceipts.reset();
    m_drafts.reset();
    m_orderDrafter.reset();
    m_storedOrders.reset();
    m_llmDrafter.reset();
    m_offlineDrafter.reset();
    if (m_knowledgeBase) {
        m_knowledgeBase.reset();
        closeDatabase(m_kbConnection);
    }
    m_downloads.reset();
    m_outboxes.clear();
    m_writer.reset();
}

std::unique_ptr<Channel> RelayService::makeChannel(const ChannelConfig &channel)
{
    if (channel.provider == QLatin1String("twilio")) {
        TwilioChannelOptions twilio;
        twilio.api.apiUrl = channel.twilioUrl;
        twilio.api.accountSid = channel.accountSid;
        twilio.api.authToken = channel.authToken;
        twilio.api.timeoutMs = m_config.sendTimeoutMs;
        twilio.number = channel.number;
        twilio.publicUrl = channel.publicUrl;
        twilio.contentSids = channel.contentSids;
        return std::make_unique<TwilioChannel>(channel.name, twilio, m_network.get());
    }
    CloudApiOptions cloud;
    cloud.graph.baseUrl = channel.graphUrl;
    cloud.graph.phoneNumberId = channel.phoneNumberId;
    cloud.graph.token = channel.graphToken;
    cloud.graph.timeoutMs = m_config.sendTimeoutMs;
    cloud.graph.mediaDownloadHosts = m_config.mediaDownloadHosts;
    cloud.appSecret = channel.appSecret;
    cloud.verifyToken = channel.verifyToken;
    auto cloudChannel = std::make_unique<CloudApiChannel>(channel.name, cloud, m_network.get());
    if (!m_mainGraph)
        m_mainGraph = cloudChannel->graph();
    return cloudChannel;
}

bool RelayService::start(QString *error)
{
    const QString path = m_config.databasePath();
    setDatabasePassword(m_config.dbPassword);
    m_writer =
        std::make_unique<StoreWriter>(path, m_config.fullSync ? SyncMode::Full : SyncMode::Normal);
    QString storeError;
    if (!m_writer->start(&storeError)) {
        *error = QStringLiteral("cannot open database %1: %2").arg(path, storeError);
        return false;
    }
    m_reader = std::make_unique<StoreReader>(path);
    if (!m_reader->open(&storeError)) {
        *error = QStringLiteral("cannot read database %1: %2").arg(path, storeError);
        return false;
    }

    m_network = std::make_unique<QNetworkAccessManager>();
    m_channels = std::make_unique<ChannelSet>();
    const QList<ChannelConfig> channels = m_config.allChannels();
    for (const ChannelConfig &channel : channels) {
        std::unique_ptr<Channel> made = makeChannel(channel);
        OutboxOptions outbox;
        outbox.maxAttempts = m_config.sendMaxAttempts;
        outbox.backoffBaseMs = m_config.sendBackoffMs;
        outbox.mediaDir = m_config.mediaDir();
        outbox.messagesPerSecond = channel.ratePerSecond;
        m_outboxes.push_back(std::make_unique<OutboxSender>(m_writer.get(), made.get(), outbox));
        m_channels->add(std::move(made));
        qCInfo(lcService).noquote() << "channel" << channel.name << "(" << channel.provider
                                    << ") for number" << channel.businessNumber();
    }
    MediaDownloadOptions downloads;
    downloads.backoffBaseMs = m_config.sendBackoffMs;
    m_downloads = std::make_unique<MediaDownloader>(m_writer.get(), m_channels.get(),
                                                    MediaFiles(m_config.mediaDir()), downloads);

    // The knowledge base reads on this thread through its own connection; `kb import` from
    // another process bumps kb_revision and the next draft sees the new articles.
    m_kbConnection = QStringLiteral("serambi-kb-%1").arg(quintptr(this));
    const QString kbPath = m_config.knowledgeBasePath();
    QSqlDatabase kbDb = openDatabase(kbPath, m_kbConnection, SyncMode::Normal, &storeError);
    if (!kbDb.isOpen() || !KnowledgeBase::createSchema(kbDb, &storeError)) {
        *error = QStringLiteral("cannot open the knowledge base %1: %2").arg(kbPath, storeError);
        return false;
    }
    m_knowledgeBase = std::make_unique<KnowledgeBase>(kbDb);
    m_offlineDrafter =
        std::make_unique<KbDrafter>(m_knowledgeBase.get(), kbDrafterOptions(m_config));
    Drafter *active = m_offlineDrafter.get();
    if (m_config.llmEnabled()) {
        LlmOptions llm;
        llm.baseUrl = m_config.llmBaseUrl;
        llm.model = m_config.llmModel;
        llm.apiKey = m_config.llmApiKey;
        llm.headers = m_config.llmHeaders;
        llm.timeoutMs = m_config.llmTimeoutMs;
        llm.maxConcurrent = m_config.llmMaxConcurrent;
        m_llmDrafter = std::make_unique<LlmDrafter>(llm, m_network.get(), m_offlineDrafter.get());
        active = m_llmDrafter.get();
        qCInfo(lcService).noquote() << "drafts by the LLM" << llm.model << "at"
                                    << llm.baseUrl.toString(QUrl::RemoveUserInfo);
    }
    m_storedOrders = std::make_unique<StoredOrders>(m_reader.get());
    m_orderDrafter = std::make_unique<OrderDrafter>(m_storedOrders.get(), active);
    active = m_orderDrafter.get();
    m_drafts = std::make_unique<DraftCoordinator>(m_writer.get(), m_reader.get(), active,
                                                  draftPolicy(m_config));
    connect(m_writer.get(), &StoreWriter::eventsCommitted, m_drafts.get(),
            &DraftCoordinator::handleEvents);

    HubOptions hub;
    hub.pbkdf2Iterations = m_config.pbkdf2Iterations;
    constexpr qint64 DayMs = 24LL * 3600 * 1000;
    hub.sessionTtlMs = m_config.sessionTtlDays * DayMs;
    hub.sessionIdleMs = m_config.sessionIdleDays * DayMs;
    hub.maxPendingPasswordChecks = m_config.loginCheckSlots;
    hub.trustedProxies = m_config.trustedProxies;
    hub.replayRing = m_config.replayRingEvents;
    hub.replayRingBytes = qint64(m_config.replayRingMib) * 1024 * 1024;
    hub.maxOutgoingBytes = qint64(m_config.consoleBufferMib) * 1024 * 1024;
    hub.authPollMs = m_config.authPollMs;
    hub.metaRates = m_config.metaRates;
    hub.metaCurrency = m_config.metaCurrency;
    hub.autoAssignCapacity = m_config.autoAssignCapacity;
    hub.csat = m_config.csat;
    for (const ChannelConfig &channel : m_config.allChannels()) {
        if (const Channel *found = m_channels->find(channel.name))
            hub.channels.append(channelPayload(channel, *found));
    }
    m_hub = std::make_unique<AgentHub>(m_writer.get(), m_reader.get(), hub);
    QString hubError;
    if (!m_hub->start(&hubError)) {
        *error = QStringLiteral("cannot start the agents' hub: %1").arg(hubError);
        return false;
    }
    m_autoAssigner = std::make_unique<AutoAssigner>(
        m_writer.get(), m_hub.get(), m_config.autoAssignCapacity, routingRules(m_config));
    connect(m_writer.get(), &StoreWriter::eventsCommitted, m_autoAssigner.get(),
            &AutoAssigner::handleEvents);
    m_outOfHours = std::make_unique<OutOfHoursReply>(m_writer.get(), outOfHoursOptions(m_config));
    connect(m_writer.get(), &StoreWriter::eventsCommitted, m_outOfHours.get(),
            &OutOfHoursReply::handleEvents);
    if (!m_config.businessHours.alwaysOpen())
        qCInfo(lcService).noquote()
            << "business hours in" << m_config.businessHours.timeZone().id()
            << (m_config.outOfHoursReply.isEmpty() ? "without an out-of-hours reply"
                                                   : "with an out-of-hours reply");
    connect(m_drafts.get(), &DraftCoordinator::draftStreaming, m_hub.get(), &AgentHub::publishLive);
    m_readReceipts = std::make_unique<ReadReceipts>(m_reader.get(), m_channels.get());
    connect(m_hub.get(), &AgentHub::conversationRead, m_readReceipts.get(),
            &ReadReceipts::handleConversationRead);
    m_hub->setReadReceipts(m_readReceipts.get());
    m_templates = std::make_unique<TemplateSyncer>(m_writer.get(), m_mainGraph, m_config.wabaId,
                                                   m_config.templatePageSize);
    m_hub->setTemplateSyncer(m_templates.get());
    m_hub->setKnowledgeBase(m_knowledgeBase.get(), m_offlineDrafter.get());

    WebhookOptions webhooks;
    webhooks.maxBodyBytes = m_config.maxBodyBytes;
    webhooks.defaultAiMode = m_config.defaultAiMode;
    webhooks.csat = m_config.csat;
    for (const auto &channel : m_channels->all())
        m_webhooks.push_back(
            std::make_unique<WebhookEndpoint>(channel.get(), webhooks, m_writer.get()));

    m_metrics = std::make_unique<MetricsRegistry>();
    registerMetrics();
    AgentHub *agentHub = m_hub.get();
    StoreWriter *writer = m_writer.get();
    MediaOptions media;
    media.quotaBytesPerDay = qint64(m_config.uploadQuotaMib) * 1024 * 1024;
    media.retentionMs = qint64(m_config.uploadRetentionHours) * 3600 * 1000;
    media.trustedProxies = m_config.trustedProxies;
    media.sessionIdleMs = m_config.sessionIdleDays * DayMs;
    m_media =
        std::make_unique<MediaEndpoint>(m_writer.get(), MediaFiles(m_config.mediaDir()), media);
    MediaEndpoint *mediaEndpoint = m_media.get();
    m_metrics->add(QStringLiteral("serambi_media_downloads_streaming"),
                   MetricsRegistry::Type::Gauge, QStringLiteral("GET /media bodies being sent"), {},
                   [] { return double(MediaStream::active()); });
    m_metrics->add(QStringLiteral("serambi_media_throttled_total"), MetricsRegistry::Type::Counter,
                   QStringLiteral("/media requests refused after too many wrong session tokens"),
                   {}, [mediaEndpoint] { return double(mediaEndpoint->throttledRequests()); });
    m_metrics->add(QStringLiteral("serambi_media_uploads_swept_total"),
                   MetricsRegistry::Type::Counter,
                   QStringLiteral("Uploads deleted as no message referred to them"), {},
                   [mediaEndpoint] { return double(mediaEndpoint->uploadsSwept()); });
    HttpLimits limits;
    limits.headerTimeoutMs = m_config.httpHeaderTimeoutMs;
    limits.idleTimeoutMs = m_config.httpIdleTimeoutMs;
    limits.maxConnectionsPerAddress = m_config.httpMaxConnectionsPerAddress;
    limits.metricsToken = m_config.metricsToken;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    limits.maxUploadBytes = MediaEndpoint::MaxBodyBytes;
    m_http = std::make_unique<RelayHttpServer>(
        m_webhooks.front().get(), m_media.get(), m_metrics.get(),
        [agentHub](QWebSocket *socket) { agentHub->acceptConnection(socket); },
        [writer] { return writer->lastCommitSucceeded(); }, limits);
    for (const auto &endpoint : m_webhooks)
        m_http->addChannelWebhook(endpoint->channel()->name(), endpoint.get());
    if (!m_config.wooWebhookSecret.isEmpty()) {
        WooWebhookOptions woo;
        woo.secret = m_config.wooWebhookSecret;
        woo.maxBodyBytes = m_config.maxBodyBytes;
        woo.notices.phoneNumberId = m_config.phoneNumberId;
        woo.notices.templates = m_config.orderStatusTemplates;
        Protocol::aiModeFromName(m_config.defaultAiMode, &woo.notices.defaultAiMode);
        m_wooWebhook = std::make_unique<WooWebhookEndpoint>(woo, m_writer.get());
        m_http->setWooCommerceWebhook(m_wooWebhook.get());
    }
    RelayHttpServer *http = m_http.get();
    m_metrics->add(QStringLiteral("serambi_http_connections"), MetricsRegistry::Type::Gauge,
                   QStringLiteral("HTTP and WebSocket connections open"), {},
                   [http] { return double(http->openConnections()); });
    m_metrics->add(QStringLiteral("serambi_http_connections_closed_total"),
                   MetricsRegistry::Type::Counter,
                   QStringLiteral("HTTP connections the relay refused or closed, by reason"),
                   QStringLiteral("reason=\"address_cap\""),
                   [http] { return double(http->refusedConnections()); });
    m_metrics->add(QStringLiteral("serambi_http_connections_closed_total"),
                   MetricsRegistry::Type::Counter,
                   QStringLiteral("HTTP connections the relay refused or closed, by reason"),
                   QStringLiteral("reason=\"timeout\""),
                   [http] { return double(http->timedOutConnections()); });
    m_metrics->add(QStringLiteral("serambi_http_connections_closed_total"),
                   MetricsRegistry::Type::Counter,
                   QStringLiteral("HTTP connections the relay refused or closed, by reason"),
                   QStringLiteral("reason=\"body_too_large\""),
                   [http] { return double(http->refusedBodies()); });
    m_port = m_http->listen(m_config.listenAddress, m_config.listenPort);
    if (m_port == 0) {
        *error = QStringLiteral("cannot listen on %1:%2")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.listenPort);
        return false;
    }
    for (const auto &outbox : m_outboxes)
        outbox->start();
    m_downloads->start();
    m_media->startSweeping();
    if (m_templates->configured())
        m_templates->sync(m_templates.get(), [](const TemplateSyncResult &) {});
    qCInfo(lcService).noquote() << "relay listening on" << m_config.listenAddress.toString()
                                << "port" << m_port << "with database" << path;
    return true;
}

QStringList RelayService::reload(const RelayConfig &fresh)
{
    const QStringList restart = restartOnlyChanges(m_config, fresh);
    takeReloadable(m_config, fresh);
    m_offlineDrafter->setOptions(kbDrafterOptions(m_config));
    m_drafts->setPolicy(draftPolicy(m_config));
    m_outOfHours->setOptions(outOfHoursOptions(m_config));
    m_hub->setReloadableOptions(m_config.metaRates, m_config.metaCurrency,
                                m_config.autoAssignCapacity);
    m_autoAssigner->setRules(m_config.autoAssignCapacity, routingRules(m_config));
    return restart;
}

void RelayService::registerMetrics()
{
    // The main channel's webhook metrics keep the labels they had before channels; the others
    // add their channel's name.
    for (const auto &endpoint : m_webhooks) {
        const QString &name = endpoint->channel()->name();
        endpoint->registerMetrics(*m_metrics, name == MainChannel
                                                  ? QString()
                                                  : QStringLiteral("channel=\"%1\"").arg(name));
    }
    using Type = MetricsRegistry::Type;
    AgentHub *hub = m_hub.get();
    // The outboxes' counters, summed over the channels.
    const auto *outboxes = &m_outboxes;
    auto total = [outboxes](auto field) {
        return [outboxes, field] {
            double sum = 0;
            for (const auto &outbox : *outboxes)
                sum += double(outbox->counters().*field);
            return sum;
        };
    };
    m_metrics->add(QStringLiteral("serambi_events_published_total"), Type::Counter,
                   QStringLiteral("Events pushed to consoles"), {},
                   [hub] { return double(hub->eventsPublished()); });
    m_metrics->add(QStringLiteral("serambi_consoles_connected"), Type::Gauge,
                   QStringLiteral("Consoles connected to the agents' hub"), {},
                   [hub] { return double(hub->connectedConsoles()); });
    AutoAssigner *assigner = m_autoAssigner.get();
    m_metrics->add(QStringLiteral("serambi_auto_assigned_total"), Type::Counter,
                   QStringLiteral("Queued chats handed to online agents"), {},
                   [assigner] { return double(assigner->assignedTotal()); });
    m_metrics->add(QStringLiteral("serambi_outbox_depth"), Type::Gauge,
                   QStringLiteral("Outbound messages not yet accepted by Meta or failed"), {},
                   total(&OutboxSender::Counters::depth));
    const QString sendHelp = QStringLiteral("Graph API send attempts by result");
    m_metrics->add(QStringLiteral("serambi_send_attempts_total"), Type::Counter, sendHelp,
                   QStringLiteral("result=\"accepted\""), total(&OutboxSender::Counters::accepted));
    m_metrics->add(QStringLiteral("serambi_send_attempts_total"), Type::Counter, sendHelp,
                   QStringLiteral("result=\"retried\""), total(&OutboxSender::Counters::retried));
    m_metrics->add(QStringLiteral("serambi_send_attempts_total"), Type::Counter, sendHelp,
                   QStringLiteral("result=\"failed\""), total(&OutboxSender::Counters::failed));
    if (LlmDrafter *llm = m_llmDrafter.get()) {
        StoreReader *reader = m_reader.get();
        m_metrics->add(QStringLiteral("serambi_llm_tokens_total"), Type::Counter,
                       QStringLiteral("Tokens the LLM provider reported (all conversations, "
                                      "kept across restarts)"),
                       {}, [reader] { return double(DraftRepo::llmTokensTotal(reader->db())); });
        m_metrics->add(QStringLiteral("serambi_llm_fallbacks_total"), Type::Counter,
                       QStringLiteral("Drafts the offline drafter wrote as the LLM failed"), {},
                       [llm] { return double(llm->fallbacks()); });
        m_metrics->add(QStringLiteral("serambi_llm_requests_queued"), Type::Gauge,
                       QStringLiteral("Drafts waiting for a free LLM connection"), {},
                       [llm] { return double(llm->queued()); });
        m_metrics->add(QStringLiteral("serambi_llm_requests_in_flight"), Type::Gauge,
                       QStringLiteral("LLM requests sent and not yet answered"), {},
                       [llm] { return double(llm->inFlight()); });
    }
    DraftCoordinator *drafts = m_drafts.get();
    m_metrics->add(QStringLiteral("serambi_draft_requests_coalesced_total"), Type::Counter,
                   QStringLiteral("Requests for a draft already being written, folded into one"),
                   {}, [drafts] { return double(drafts->coalesced()); });
    StoreWriter *writer = m_writer.get();
    m_metrics->add(QStringLiteral("serambi_store_commits_total"), Type::Counter,
                   QStringLiteral("Grouped transactions committed"), {},
                   [writer] { return double(writer->stats().groups); });
    m_metrics->add(QStringLiteral("serambi_store_jobs_total"), Type::Counter,
                   QStringLiteral("Write jobs committed (many share one transaction)"), {},
                   [writer] { return double(writer->stats().jobs); });
}

} // namespace Serambi::Relay
