#include "orderdrafter.h"

#include "kbdrafter.h"
#include "orderintent.h"
#include "orderlookup.h"

#include "protocol/ordertext.h"

#include <QStringList>

namespace Serambi::Relay {

namespace {

// The customer's orders told at most, newest first, when they named none.
constexpr int MostOrdersTold = 3;
// An order found by its number or the customer's phone: the words are the shop's own data.
constexpr double FoundConfidence = 0.9;
// Nothing to tell: an agent should look before it is sent.
constexpr double NotFoundConfidence = 0.55;

} // namespace

OrderDrafter::OrderDrafter(OrderLookup *orders, Drafter *next) : m_orders(orders), m_next(next) {}

void OrderDrafter::draft(const DraftRequest &request, std::function<void(const DraftResult &)> done)
{
    if (const auto result = answer(request)) {
        done(*result);
        return;
    }
    m_next->draft(request, std::move(done));
}

void OrderDrafter::draftStreaming(const DraftRequest &request,
                                  std::function<void(const QString &)> partial,
                                  std::function<void(const DraftResult &)> done)
{
    if (const auto result = answer(request)) {
        done(*result);
        return;
    }
    m_next->draftStreaming(request, std::move(partial), std::move(done));
}

std::optional<DraftResult> OrderDrafter::answer(const DraftRequest &request) const
{
    const auto question = recogniseOrderQuestion(request.text);
    if (!question || request.customerWaId.isEmpty())
        return std::nullopt;
    const QString address = KbDrafter::addressFor(request.text);
    const QList<Protocol::OrderPayload> orders = m_orders->ordersOf(request.customerWaId);
    if (orders.isEmpty())
        return std::nullopt; // no shop knows them: the knowledge base answers in general
    QStringList told;
    for (const Protocol::OrderPayload &order : orders) {
        if (question->reference.isEmpty() ? told.size() < MostOrdersTold
                                          : orderNumberMatches(order.number, question->reference))
            told.append(Protocol::orderStatusSentence(order));
    }
    DraftResult result;
    if (!told.isEmpty()) {
        result.text = QStringLiteral("Halo %1. %2").arg(address, told.join(QLatin1Char(' ')));
        result.confidence = FoundConfidence;
        return result;
    }
    result.text = QStringLiteral("Halo %1, kami belum menemukan pesanan dengan nomor tersebut atas "
                                 "nomor WhatsApp ini. Mohon dicek kembali nomor pesanannya, atau "
                                 "hubungi kami dari nomor WhatsApp yang dipakai saat memesan.")
                      .arg(address);
    result.confidence = NotFoundConfidence;
    return result;
}

} // namespace Serambi::Relay
