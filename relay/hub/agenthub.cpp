#include "agenthub.h"

#include "auth/visibility.h"
#include "cannedcommands.h"
#include "consolesession.h"
#include "conversationcommands.h"
#include "kbcommands.h"
#include "labelcommands.h"
#include "logging/relaylogging.h"
#include "notecommands.h"
#include "ordercommands.h"
#include "protocol/commandargs.h"
#include "protocol/frame.h"
#include "protocol/keys.h"
#include "readcommands.h"
#include "reportcommands.h"
#include "store/conversationrepo.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/writetxn.h"
#include "teamcommands.h"
#include "whatsapp/readreceipts.h"
#include "whatsapp/templatesyncer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QWebSocket>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::Command;
using Protocol::ErrorCode;

namespace {
const QLatin1String TypeKey("type");
constexpr int MaxCommandIdLength = 128;

// Commands that change nothing: run on the read connection, never recorded.
bool isReadCommand(Command command)
{
    switch (command) {
    case Command::History:
    case Command::ListAgents:
    case Command::ListTemplates:
    case Command::ListCanned:
    case Command::ListKbSuggestions:
    case Command::ListArticleVersions:
    case Command::ListNotes:
    case Command::ListMentions:
    case Command::ListTeams:
    case Command::CustomerOrders:
    case Command::ListLabels:
    case Command::Typing:
    case Command::Report:
    case Command::ListAudit:
        return true;
    default:
        return false;
    }
}

// The knowledge-base commands that read or write kb.sqlite (agenthubkb.cpp).
bool isKbCommand(Command command)
{
    return command == Command::ListArticles || command == Command::SaveArticle ||
           command == Command::DeleteArticle || command == Command::KbPreview ||
           command == Command::KbGaps || command == Command::ImportArticles;
}
} // namespace

AgentHub::AgentHub(StoreWriter *writer, StoreReader *reader, HubOptions options, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_reader(reader)
    , m_options(std::move(options))
    , m_ring(m_options.replayRing, m_options.replayRingBytes)
    , m_throttle(m_options.maxFailedLogins, m_options.failureWindowMs)
{
    if (!m_options.clock)
        m_options.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    connect(m_writer, &StoreWriter::eventsCommitted, this, &AgentHub::publish);
}

AgentHub::~AgentHub()
{
    m_passwordChecks.waitForDone();
}

qint64 AgentHub::now() const
{
    return m_options.clock();
}

bool AgentHub::start(QString *error)
{
    if (!m_reader->db().isOpen()) {
        if (error)
            *error = QStringLiteral("the store reader is not open");
        return false;
    }
    if (!m_ring.load(*m_reader, error))
        return false;
    m_lastChangeId = UserRepo::lastChangeId(m_reader->db());
    m_liveSessionsTouchedAt = now();
    m_authTimer.setInterval(std::max(10, m_options.authPollMs));
    connect(&m_authTimer, &QTimer::timeout, this, &AgentHub::pollUserChanges, Qt::UniqueConnection);
    m_authTimer.start();
    qCInfo(lcHub) << "hub started at seq" << m_ring.lastSeq() << "resumable from" << m_ring.floor();
    return true;
}

void AgentHub::acceptConnection(QWebSocket *socket)
{
    const quint64 id = m_nextSessionId++;
    auto *session = new ConsoleSession(id, socket, m_options, this);
    m_sessions.insert(id, session);
    connect(session, &ConsoleSession::frameReceived, this,
            [this, session](const QJsonObject &frame) { handleFrame(session, frame); });
    connect(session, &ConsoleSession::closed, this, [this, session] { handleClosed(session); });
    qCDebug(lcHub) << "connection" << id << "from" << session->peerAddress();
}

QSet<qint64> AgentHub::onlineUserIds() const
{
    QSet<qint64> online;
    for (const ConsoleSession *session : m_sessions) {
        if (session->stage() == ConsoleSession::Stage::Authenticated)
            online.insert(session->user().id);
    }
    return online;
}

void AgentHub::publish(const EventList &events)
{
    for (const Event &event : events) {
        if (event.seq <= m_ring.lastSeq())
            continue;
        const RingEntry &entry = m_ring.append(event);
        ++m_eventsPublished;
        for (ConsoleSession *session : std::as_const(m_sessions)) {
            if (!session->isSubscribed() || event.seq <= session->lastSeq())
                continue;
            if (canSeeEvent(session->user(), event, entry.previousAssigneeId))
                session->sendEncoded(entry.frame);
            session->noteSent(event.seq);
        }
    }
}

void AgentHub::publishLive(const Event &event)
{
    const QString frame = QString::fromUtf8(Protocol::encodeFrame(event.toFrame()));
    for (ConsoleSession *session : std::as_const(m_sessions)) {
        if (session->isSubscribed() && canSeeEvent(session->user(), event, event.assigneeId))
            session->sendEncoded(frame);
    }
}

void AgentHub::handleClosed(ConsoleSession *session)
{
    m_sessions.remove(session->id());
    if (const qint64 userId = session->user().id; userId != 0) {
        // Its last console gone (also one already closing), the user is offline and no longer
        // away: they come back online.
        const Protocol::Presence before =
            m_away.contains(userId) ? Protocol::Presence::Away : Protocol::Presence::Online;
        if (presenceOf(userId) == Protocol::Presence::Offline)
            m_away.remove(userId);
        announcePresence(session->user(), before);
    }
    if (session->user().id != 0) {
        // The idle limit counts from when the console last used the session: now.
        if (!session->tokenHash().isEmpty()) {
            const QByteArray &tokenHash = session->tokenHash();
            const qint64 at = now();
            m_writer->submit(
                [tokenHash, at](WriteTxn &txn) {
                    UserRepo::touchSession(txn.db(), tokenHash, at);
                    return WriteResult::success();
                },
                this, [](const WriteResult &) {});
        }
        --m_connectedConsoles;
        qCInfo(lcHub) << "console of" << session->user().username << "disconnected";
        Q_EMIT consoleDisconnected();
    }
    session->deleteLater();
}

void AgentHub::handleFrame(ConsoleSession *session, const QJsonObject &frame)
{
    const QString type = frame.value(TypeKey).toString();
    switch (session->stage()) {
    case ConsoleSession::Stage::AwaitingHello:
        if (type == QLatin1String(Protocol::FrameType::Hello))
            handleHello(session, frame);
        else
            session->fail(ErrorCode::NotAuthenticated, QStringLiteral("say hello first"));
        return;
    case ConsoleSession::Stage::Authenticating:
        if (!session->defer(frame))
            session->fail(ErrorCode::BadFrame, QStringLiteral("too many frames before welcome"));
        return;
    case ConsoleSession::Stage::Closing:
        return;
    case ConsoleSession::Stage::Authenticated:
        break;
    }
    if (type == QLatin1String(Protocol::FrameType::Subscribe))
        handleSubscribe(session, frame);
    else if (type == QLatin1String(Protocol::FrameType::Command))
        handleCommand(session, frame);
    else if (type == QLatin1String(Protocol::FrameType::Hello))
        session->send(
            Protocol::errorFrame(ErrorCode::BadFrame, QStringLiteral("already logged in")));
    else
        session->send(
            Protocol::errorFrame(ErrorCode::BadFrame, QStringLiteral("unknown frame type")));
}

void AgentHub::handleSubscribe(ConsoleSession *session, const QJsonObject &frame)
{
    if (session->isSubscribed()) {
        session->send(
            Protocol::errorFrame(ErrorCode::BadFrame, QStringLiteral("already subscribed")));
        return;
    }
    const QJsonValue sinceValue = frame.value(Key::Since);
    qint64 since = 0;
    if (!sinceValue.isUndefined() && !sinceValue.isNull()) {
        const auto parsed = positiveInteger(sinceValue);
        if (!parsed && !(sinceValue.isDouble() && sinceValue.toDouble() == 0)) {
            session->send(Protocol::errorFrame(ErrorCode::InvalidArgument,
                                               QStringLiteral("since must be a seq or 0")));
            return;
        }
        since = parsed.value_or(0);
    }
    // A role change since then may hide chats the console holds: it starts from a snapshot.
    if (since == 0 || !m_ring.canResumeFrom(since) ||
        since <= m_visibilityChangedAt.value(session->user().id)) {
        sendSnapshot(session);
        return;
    }
    int replayed = 0;
    for (auto it = m_ring.after(since); it != m_ring.end(); ++it) {
        if (!canSeeEvent(session->user(), it->event, it->previousAssigneeId))
            continue;
        session->sendEncoded(it->frame);
        ++replayed;
    }
    session->send(
        {{TypeKey, QLatin1String(Protocol::FrameType::Subscribed)}, {Key::Seq, m_ring.lastSeq()}});
    session->subscribe(m_ring.lastSeq());
    qCDebug(lcHub) << session->user().username << "resumed after" << since << "with" << replayed
                   << "events";
}

void AgentHub::sendSnapshot(ConsoleSession *session)
{
    // One read transaction, so the seq and the conversations describe the same moment.
    QSqlDatabase &db = m_reader->db();
    const bool inTransaction = db.transaction();
    const qint64 seq = m_reader->lastSeq();
    QJsonArray conversations;
    for (const Conversation &conversation : ConversationRepo::all(db)) {
        if (canSeeConversation(session->user(), conversation.assigneeId))
            conversations.append(conversation.toJson());
    }
    if (inTransaction)
        db.commit();
    session->send({{TypeKey, QLatin1String(Protocol::FrameType::Snapshot)},
                   {Key::Seq, seq},
                   {Key::Conversations, conversations}});
    // Events up to seq are in the snapshot even if the writer has not published them yet.
    session->subscribe(seq);
    qCDebug(lcHub) << session->user().username << "got a snapshot at" << seq << "with"
                   << conversations.size() << "conversations";
}

void AgentHub::handleCommand(ConsoleSession *session, const QJsonObject &frame)
{
    const QString id = frame.value(Key::Id).toString();
    if (id.isEmpty() || id.size() > MaxCommandIdLength) {
        session->send(Protocol::errorFrame(
            ErrorCode::InvalidArgument,
            QStringLiteral("a command needs an id of 1 to %1 characters").arg(MaxCommandIdLength)));
        return;
    }
    const QString name = frame.value(Key::Name).toString();
    const auto command = Protocol::commandFromName(name);
    if (!command) {
        session->send(Protocol::resultError(id, ErrorCode::UnknownCommand));
        return;
    }
    const QJsonValue argsValue = frame.value(Key::Args);
    if (!argsValue.isUndefined() && !argsValue.isNull() && !argsValue.isObject()) {
        session->send(Protocol::resultError(id, ErrorCode::InvalidArgument,
                                            QStringLiteral("args must be an object")));
        return;
    }
    const QJsonObject args = argsValue.toObject();
    if (const auto problem = Protocol::checkCommandArguments(*command, args)) {
        session->send(Protocol::resultError(id, ErrorCode::InvalidArgument, *problem));
        return;
    }
    if (*command == Command::Logout) {
        logout(session, id);
        return;
    }
    if (*command == Command::SetPresence) {
        setPresence(session, id, args);
        return;
    }
    if (isKbCommand(*command)) {
        runKbCommand(session, id, *command, args);
        return;
    }
    if (isReadCommand(*command)) {
        runReadCommand(session, id, *command, args);
        return;
    }
    if (*command == Command::SyncTemplates) {
        syncTemplates(session, id);
        return;
    }
    const WriteCommand write = findWriteCommand(*command);
    if (!write) {
        session->send(Protocol::resultError(id, ErrorCode::UnknownCommand));
        return;
    }
    const CommandRequest request{
        id, name, args, session->user().id, now(), m_options.windowMs, m_options.csat};
    const quint64 sessionId = session->id();
    const bool markRead = *command == Command::MarkRead;
    m_writer->submit(
        [request, write](WriteTxn &txn) { return runWriteCommand(txn, request, write); }, this,
        [this, sessionId, id, markRead, args](const WriteResult &result) {
            const QJsonObject reply = result.value.toJsonObject();
            if (result.ok && markRead && reply.value(Key::Ok).toBool())
                Q_EMIT conversationRead(args.value(Key::ConversationId).toInteger());
            ConsoleSession *target = findSession(sessionId);
            if (!target)
                return;
            if (result.ok)
                target->send(reply);
            else
                target->send(Protocol::resultError(id, ErrorCode::Internal));
        });
}

void AgentHub::runReadCommand(ConsoleSession *session, const QString &id, Command command,
                              const QJsonObject &args)
{
    // The role as stored now: a supervisor demoted mid-session loses access at once.
    const auto user = UserRepo::byId(m_reader->db(), session->user().id);
    if (!user || user->disabled) {
        session->send(Protocol::resultError(id, ErrorCode::Forbidden));
        return;
    }
    const CommandReply reply = readCommand(*user, command, args);
    session->send(reply.ok ? Protocol::resultOk(id, reply.data)
                           : Protocol::resultError(id, reply.code, reply.message));
}

CommandReply AgentHub::readCommand(const User &user, Command command, const QJsonObject &args)
{
    QSqlDatabase &db = m_reader->db();
    if (command == Command::History)
        return historyCommand(db, user, args);
    if (command == Command::ListAgents)
        return listAgentsCommand(
            db, user, [this](qint64 id) { return presenceOf(id); }, m_options.autoAssignCapacity);
    if (command == Command::ListTemplates)
        return listTemplatesCommand(db);
    if (command == Command::ListCanned)
        return listCannedCommand(db);
    if (command == Command::ListKbSuggestions)
        return listKbSuggestionsCommand(db, user);
    if (command == Command::ListArticleVersions)
        return isSupervisor(user) ? listArticleVersionsCommand(db, args)
                                  : CommandReply::refusal(ErrorCode::Forbidden);
    if (command == Command::ListNotes)
        return listNotesCommand(db, user, args);
    if (command == Command::ListMentions)
        return listMentionsCommand(db, user);
    if (command == Command::ListTeams)
        return listTeamsCommand(db);
    if (command == Command::CustomerOrders)
        return customerOrdersCommand(db, user, args);
    if (command == Command::Report)
        return reportCommand(db, user, args, m_options.metaRates, m_options.metaCurrency);
    if (command == Command::ListAudit)
        return listAuditCommand(db, user, args);
    if (command == Command::ListLabels)
        return listLabelsCommand(db);
    CommandReply refusal;
    const auto conversationId =
        typingConversation(db, user, args, now(), m_options.windowMs, &refusal);
    if (!conversationId)
        return refusal;
    const bool sent = *conversationId != 0 && m_readReceipts &&
                      m_readReceipts->sendTyping(*conversationId, now());
    return CommandReply::success({{Key::Sent, sent}});
}

void AgentHub::syncTemplates(ConsoleSession *session, const QString &id)
{
    const auto user = UserRepo::byId(m_reader->db(), session->user().id);
    if (!user || user->disabled || !isSupervisor(*user)) {
        session->send(Protocol::resultError(id, ErrorCode::Forbidden));
        return;
    }
    if (!m_templateSyncer) {
        session->send(Protocol::resultError(id, ErrorCode::Internal));
        return;
    }
    const quint64 sessionId = session->id();
    m_templateSyncer->sync(this, [this, sessionId, id](const TemplateSyncResult &result) {
        ConsoleSession *target = findSession(sessionId);
        if (!target)
            return;
        if (result.ok) {
            target->send(Protocol::resultOk(
                id, {{Key::Templates, result.count}, {Key::SyncedAt, result.syncedAt}}));
        } else if (result.error.code != 0) {
            target->send(Protocol::resultError(
                id, ErrorCode::MetaError, result.error.title(),
                {{Key::MetaCode, result.error.code}, {Key::MetaMessage, result.error.message}}));
        } else {
            target->send(Protocol::resultError(id, ErrorCode::Internal, result.problem));
        }
    });
}

} // namespace Serambi::Relay
