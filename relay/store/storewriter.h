#pragma once

#include "database.h"
#include "event.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QVariant>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

namespace Serambi::Relay {

class StatementCache;
class WriteTxn;

// What a write job returns. A job that returns ok == false is rolled back alone; the other
// jobs of its group still commit.
struct WriteResult
{
    bool ok = true;
    QString error;
    QVariant value;

    static WriteResult failure(const QString &error) { return {false, error, {}}; }
    static WriteResult success(const QVariant &value = {}) { return {true, {}, value}; }
};

// The relay's only writer. Jobs run on one thread with one connection; every job queued
// while the previous group was committing joins the next group, so many webhooks share one
// transaction and one fsync without waiting for a timer. A job's completion runs on its
// context's thread only after its group committed.
class StoreWriter : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<WriteResult(WriteTxn &)>;
    using Done = std::function<void(const WriteResult &)>;

    explicit StoreWriter(const QString &path, SyncMode sync = SyncMode::Full,
                         QObject *parent = nullptr);
    ~StoreWriter() override;

    // Opens the database on the writer thread and migrates it. False (with *error) on failure.
    bool start(QString *error = nullptr);
    // Finishes the queued jobs, then stops the thread.
    void stop();

    void submit(Job job, QObject *context, Done done);

    // Largest number of jobs that share one transaction.
    static constexpr int MaxGroupSize = 1024;

    struct Stats
    {
        quint64 groups = 0;
        quint64 jobs = 0;
        quint64 failedCommits = 0;
    };
    Stats stats() const;
    // False when the latest group failed to commit (the disk is full, the file went away...).
    bool lastCommitSucceeded() const { return m_lastCommitOk.load(); }

Q_SIGNALS:
    // Emitted (queued to the writer's owner thread) after each commit, in seq order, before
    // the completions of that group run.
    void eventsCommitted(const Serambi::Relay::EventList &events);

private:
    struct Pending
    {
        Job job;
        QObject *context;
        Done done;
    };

    void run();
    void runGroup(QSqlDatabase &db, std::deque<Pending> &group);

    QString m_path;
    SyncMode m_sync;
    std::unique_ptr<QThread> m_worker;
    StatementCache *m_statements = nullptr; // the writer thread's, while it runs
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Pending> m_queue;
    bool m_stopping = false;
    bool m_running = false;
    std::atomic<quint64> m_groups{0};
    std::atomic<quint64> m_jobs{0};
    std::atomic<quint64> m_failedCommits{0};
    std::atomic<bool> m_lastCommitOk{true};
};

} // namespace Serambi::Relay
