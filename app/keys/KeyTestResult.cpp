#include "app/keys/KeyTestResult.h"

#include <QCoreApplication>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KeyTestResult)
};

} // namespace

QString KeyTestResult::summary() const
{
    QString sentence;
    switch (verdict) {
    case KeyProbe::Verdict::Works:
        sentence = Text::tr("Works: the provider accepted the key.");
        break;
    case KeyProbe::Verdict::Invalid:
        sentence = Text::tr("Invalid: the provider does not accept this key.");
        break;
    case KeyProbe::Verdict::NoAccess:
        sentence = Text::tr("No access: the key is known but not allowed to do this.");
        break;
    case KeyProbe::Verdict::RateLimited:
        sentence = Text::tr("Rate-limited: the key works but is over its limit right now.");
        break;
    case KeyProbe::Verdict::OutOfCredit:
        sentence = Text::tr("Out of credit: the account behind the key cannot pay.");
        break;
    case KeyProbe::Verdict::Unreachable:
        sentence = Text::tr("Unreachable: no answer from the provider.");
        break;
    case KeyProbe::Verdict::Failed:
        sentence = Text::tr("Not checked: the answer said nothing about the key.");
        break;
    }
    if (httpStatus > 0)
        sentence += u' ' + Text::tr("(HTTP %1, %2 ms)").arg(httpStatus).arg(latencyMs);
    if (!detail.isEmpty())
        sentence += u' ' + detail;
    return sentence;
}
