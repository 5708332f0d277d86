#include "configreload.h"

#include <tuple>

namespace Serambi::Relay {

namespace {

auto channelFields(const ChannelConfig &c)
{
    return std::tie(c.name, c.provider, c.label, c.colour, c.ratePerSecond, c.team, c.graphUrl,
                    c.phoneNumberId, c.wabaId, c.appSecret, c.verifyToken, c.graphToken,
                    c.twilioUrl, c.accountSid, c.number, c.publicUrl, c.contentSids, c.authToken);
}

bool sameChannels(const RelayConfig &a, const RelayConfig &b)
{
    const QList<ChannelConfig> left = a.allChannels();
    const QList<ChannelConfig> right = b.allChannels();
    if (left.size() != right.size())
        return false;
    for (qsizetype i = 0; i < left.size(); ++i) {
        if (channelFields(left.at(i)) != channelFields(right.at(i)))
            return false;
    }
    return true;
}

auto llmFields(const RelayConfig &c)
{
    return std::tie(c.llmBaseUrl, c.llmBaseUrlSet, c.llmModel, c.llmApiKey, c.llmHeaders,
                    c.llmTimeoutMs, c.llmMaxConcurrent);
}

auto limitFields(const RelayConfig &c)
{
    return std::tie(c.maxBodyBytes, c.sendTimeoutMs, c.sendMaxAttempts, c.sendBackoffMs,
                    c.httpHeaderTimeoutMs, c.httpIdleTimeoutMs, c.httpMaxConnectionsPerAddress,
                    c.uploadQuotaMib, c.uploadRetentionHours, c.sessionTtlDays, c.sessionIdleDays,
                    c.loginCheckSlots, c.replayRingEvents, c.replayRingMib, c.consoleBufferMib,
                    c.authPollMs, c.pbkdf2Iterations, c.mediaDownloadHosts, c.trustedProxies);
}

} // namespace

void takeReloadable(RelayConfig &running, const RelayConfig &fresh)
{
    running.businessHours = fresh.businessHours;
    running.outOfHoursReply = fresh.outOfHoursReply;
    running.outOfHoursLanguage = fresh.outOfHoursLanguage;
    running.autoAssignCapacity = fresh.autoAssignCapacity;
    running.routeKeywords = fresh.routeKeywords;
    running.routeReasons = fresh.routeReasons;
    running.aiAutoThreshold = fresh.aiAutoThreshold;
    running.aiAbstainThreshold = fresh.aiAbstainThreshold;
    running.aiHandoffKeywords = fresh.aiHandoffKeywords;
    running.aiLowConfidenceHandoffs = fresh.aiLowConfidenceHandoffs;
    running.aiBurstQuietMs = fresh.aiBurstQuietMs;
    running.metaRates = fresh.metaRates;
    running.metaCurrency = fresh.metaCurrency;
}

QStringList restartOnlyChanges(const RelayConfig &running, const RelayConfig &fresh)
{
    QStringList changed;
    if (running.listenAddress != fresh.listenAddress || running.listenPort != fresh.listenPort)
        changed.append(QStringLiteral("listen"));
    if (running.dataDir != fresh.dataDir)
        changed.append(QStringLiteral("data_dir"));
    if (running.dbUrl != fresh.dbUrl || running.dbPassword != fresh.dbPassword ||
        running.fullSync != fresh.fullSync)
        changed.append(QStringLiteral("database"));
    if (!sameChannels(running, fresh) || running.defaultAiMode != fresh.defaultAiMode ||
        running.orderStatusTemplates != fresh.orderStatusTemplates)
        changed.append(QStringLiteral("channels"));
    if (llmFields(running) != llmFields(fresh))
        changed.append(QStringLiteral("llm"));
    if (limitFields(running) != limitFields(fresh))
        changed.append(QStringLiteral("limits"));
    if (running.wooWebhookSecret != fresh.wooWebhookSecret)
        changed.append(QStringLiteral("woocommerce"));
    if (running.metricsToken != fresh.metricsToken)
        changed.append(QStringLiteral("metrics_token"));
    return changed;
}

} // namespace Serambi::Relay
