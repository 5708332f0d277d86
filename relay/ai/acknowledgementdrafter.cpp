#include "acknowledgementdrafter.h"

namespace Serambi::Relay {

void AcknowledgementDrafter::draft(const DraftRequest &,
                                   std::function<void(const DraftResult &)> done)
{
    DraftResult result;
    result.text = QStringLiteral("Halo Kak, terima kasih sudah menghubungi kami. Pesan Kakak sudah "
                                 "kami terima dan akan segera kami bantu.");
    result.confidence = 0;
    done(result);
}

} // namespace Serambi::Relay
