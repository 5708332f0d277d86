#pragma once

#include "orderpayload.h"

#include <QString>

// How an order is told to a customer, in Indonesian whatever the console's language: the
// console's "insert order status" and the relay's order drafts say the same words
// (docs/integrations.md, "Telling the customer").
namespace Serambi::Protocol {

// Whole rupiah the Indonesian way: "Rp 1.250.000" (hundredths are dropped when zero, else
// shown after a comma: "Rp 1.250,50"). Integer arithmetic only.
QString formatRupiah(qint64 hundredths);

// "Pesanan INV-0117 (Rp 350.000) sudah dikirim. Kurir: JNE, nomor resi: JNE0012345678."
// A status the shop invented is named as it is.
QString orderStatusSentence(const OrderPayload &order);

} // namespace Serambi::Protocol
