#include "storewriter.h"

#include "dialect.h"
#include "logging/relaylogging.h"
#include "migrations.h"
#include "statementcache.h"
#include "writetxn.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace Serambi::Relay {

namespace {
const QString WriterConnection = QStringLiteral("serambi-writer");
}

StoreWriter::StoreWriter(const QString &path, SyncMode sync, QObject *parent)
    : QObject(parent), m_path(path), m_sync(sync)
{
    qRegisterMetaType<EventList>();
}

StoreWriter::~StoreWriter()
{
    stop();
}

bool StoreWriter::start(QString *error)
{
    QString openError;
    bool opened = false;
    QMutex startMutex;
    QWaitCondition started;
    bool done = false;

    auto *thread = QThread::create([&] {
        {
            QSqlDatabase db = openDatabase(m_path, WriterConnection, m_sync, &openError);
            opened = db.isValid() && db.isOpen() && migrate(db, &openError);
        }
        // start() returns once done is set, taking its locals with it: read them before.
        const bool ready = opened;
        {
            QMutexLocker locker(&startMutex);
            done = true;
            started.wakeAll();
        }
        if (ready)
            run();
        closeDatabase(WriterConnection);
    });
    thread->setObjectName(QStringLiteral("store-writer"));
    {
        QMutexLocker locker(&m_mutex);
        m_running = true;
        m_stopping = false;
    }
    thread->start();
    {
        QMutexLocker locker(&startMutex);
        while (!done)
            started.wait(&startMutex);
    }
    if (!opened) {
        thread->wait();
        delete thread;
        QMutexLocker locker(&m_mutex);
        m_running = false;
        if (error)
            *error = openError;
        return false;
    }
    m_worker.reset(thread);
    return true;
}

void StoreWriter::stop()
{
    {
        QMutexLocker locker(&m_mutex);
        if (!m_running)
            return;
        m_stopping = true;
        m_wake.wakeAll();
    }
    if (m_worker)
        m_worker->wait();
    m_worker.reset();
    QMutexLocker locker(&m_mutex);
    m_running = false;
}

void StoreWriter::submit(Job job, QObject *context, Done done)
{
    QMutexLocker locker(&m_mutex);
    m_queue.push_back(Pending{std::move(job), context, std::move(done)});
    m_wake.wakeOne();
}

StoreWriter::Stats StoreWriter::stats() const
{
    return {m_groups.load(), m_jobs.load(), m_failedCommits.load()};
}

void StoreWriter::run()
{
    QSqlDatabase db = QSqlDatabase::database(WriterConnection, false);
    StatementCache statements(db);
    statements.install();
    m_statements = &statements;
    std::deque<Pending> group;
    for (;;) {
        {
            QMutexLocker locker(&m_mutex);
            while (m_queue.empty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_queue.empty() && m_stopping) {
                m_statements = nullptr;
                return;
            }
            while (!m_queue.empty() && int(group.size()) < MaxGroupSize) {
                group.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        runGroup(db, group);
        group.clear();
    }
}

void StoreWriter::runGroup(QSqlDatabase &db, std::deque<Pending> &group)
{
    WriteTxn txn(db, QDateTime::currentMSecsSinceEpoch());
    QSqlQuery control(db);
    QList<WriteResult> results;
    results.reserve(qsizetype(group.size()));

    bool begun = control.exec(sqlFor(engineOf(db), QStringLiteral("BEGIN IMMEDIATE")));
    if (begun) {
        for (Pending &pending : group) {
            const qsizetype mark = txn.eventCount();
            control.exec(QStringLiteral("SAVEPOINT job"));
            WriteResult result = pending.job(txn);
            if (txn.takeFailed() && result.ok)
                result = WriteResult::failure(QStringLiteral("storage error"));
            if (result.ok) {
                control.exec(QStringLiteral("RELEASE SAVEPOINT job"));
            } else {
                control.exec(QStringLiteral("ROLLBACK TO SAVEPOINT job"));
                control.exec(QStringLiteral("RELEASE SAVEPOINT job"));
                txn.truncateEvents(mark);
            }
            results.append(std::move(result));
        }
    }
    m_statements->resetAll();
    const bool committed = begun && control.exec(QStringLiteral("COMMIT"));
    if (!committed) {
        qCWarning(lcStore) << "commit failed:" << control.lastError().text();
        if (begun)
            control.exec(QStringLiteral("ROLLBACK"));
        m_failedCommits.fetch_add(1);
        m_lastCommitOk = false;
        txn.takeEvents();
        results.clear();
        for (std::size_t i = 0; i < group.size(); ++i)
            results.append(WriteResult::failure(QStringLiteral("commit failed")));
    } else {
        m_groups.fetch_add(1);
        m_lastCommitOk = true;
        m_jobs.fetch_add(group.size());
        EventList events = txn.takeEvents();
        if (!events.isEmpty())
            Q_EMIT eventsCommitted(events);
    }
    for (std::size_t i = 0; i < group.size(); ++i) {
        Pending &pending = group[i];
        if (!pending.done || !pending.context)
            continue;
        QMetaObject::invokeMethod(
            pending.context,
            [done = std::move(pending.done), result = results.at(qsizetype(i))] { done(result); },
            Qt::QueuedConnection);
    }
}

} // namespace Serambi::Relay
