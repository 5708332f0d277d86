#pragma once

#include "drafter.h"
#include "kbdrafter.h"
#include "llmoptions.h"
#include "llmprompt.h"

#include <QHash>
#include <QObject>

#include <deque>
#include <memory>

class QNetworkAccessManager;

namespace Serambi::Relay {

// The LLM drafter: asks an OpenAI-compatible chat completions endpoint (OpenRouter, Ollama,
// llama.cpp server, vLLM) for a streamed draft grounded in the knowledge-base articles the
// offline drafter retrieves. A message the offline drafter hands over (a request for a person,
// anger, a keyword) is answered by it at once. When the provider fails, is too slow or
// streams something unreadable, the offline draft is used and marked fallback.
class LlmDrafter final : public QObject, public Drafter
{
    Q_OBJECT

public:
    LlmDrafter(LlmOptions options, QNetworkAccessManager *network, KbDrafter *offline,
               QObject *parent = nullptr);
    ~LlmDrafter() override;

    QString name() const override { return QStringLiteral("llm"); }
    void draft(const DraftRequest &request, std::function<void(const DraftResult &)> done) override;
    void draftStreaming(const DraftRequest &request, std::function<void(const QString &)> partial,
                        std::function<void(const DraftResult &)> done) override;
    // The model reads a burst of messages as one and answers all of them.
    bool answersSeveralMessages() const override { return true; }

    quint64 fallbacks() const { return m_fallbacks; }
    // Drafts waiting for a free connection, and requests in flight.
    int queued() const { return int(m_waiting.size()); }
    int inFlight() const { return m_inFlight; }

private:
    struct Call;
    void pump();
    void send(const std::shared_ptr<Call> &call);
    void read(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call);
    void conclude(const std::shared_ptr<Call> &call, int status, const QString &networkError);
    void fallBack(const std::shared_ptr<Call> &call, const QString &why);
    void remember(qint64 conversationId, const QString &role, const QString &content);

    LlmOptions m_options;
    QNetworkAccessManager *m_network;
    KbDrafter *m_offline;
    QHash<qint64, QList<LlmTurn>> m_history;
    quint64 m_fallbacks = 0;
    std::deque<std::shared_ptr<Call>> m_waiting;
    int m_inFlight = 0;
};

} // namespace Serambi::Relay
