#pragma once

#include <QString>
#include <QStringList>

namespace Serambi::Ui {

// The choices a draft offers the customer, for "turn this draft into buttons or a list":
// numbered ("1. …", "2) …") or bulleted ("- …", "• …") lines, or else options joined by "atau"
// / "or" in one sentence ("Mau dikirim pakai JNE atau SiCepat?").
struct DraftChoices
{
    QString body;        // the draft without the choice lines
    QStringList choices; // in order, at least two when the draft offers any

    bool isEmpty() const { return choices.size() < 2; }
    static DraftChoices parse(const QString &draft);
};

} // namespace Serambi::Ui
