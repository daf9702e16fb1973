#pragma once

#include "app/keys/KeyTestResult.h"
#include "router/core/SecretRedactor.h"
#include "router/upstream/UpstreamTarget.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QObject>

class GoogleTokenFetch;
class UpstreamCall;

// Runs KeyProbe's check of one key on this thread's upstream connections and classifies the
// answer. Always answers, and never before start() has returned.
class KeyTester : public QObject
{
    Q_OBJECT

public:
    explicit KeyTester(UpstreamTarget target, QObject* parent = nullptr);

    void start();
    // Tests `target` and returns what was found, for coroutines.
    static QCoro::Task<KeyTestResult> test(UpstreamTarget target);

signals:
    void finished(const KeyTestResult& result);

private:
    // Sends the probe; a Vertex service account's once its token has come.
    void probe();
    void onTokenFetched();
    void onFinished();
    void onFailed(const QString& message);
    // The target's secret and, once it has one, its access token.
    SecretRedactor redactor() const;
    void finish(KeyTestResult result);

    UpstreamTarget m_target;
    GoogleTokenFetch* m_tokenFetch = nullptr;
    UpstreamCall* m_call = nullptr;
    QByteArray m_body;
    QElapsedTimer m_clock;
};
