#pragma once

#include <QCoro/QCoroTask>
#include <QEventLoop>
#include <QObject>
#include <QPointer>

#include <optional>

// Two ways to take a task's result outside a coroutine. Both keep the task in the frame of a
// coroutine that awaits it: QCoro::connect/then() in QCoro 0.8 keep a pointer to a Task that
// may be gone when it resumes.

// Runs an event loop until the coroutine has finished and returns its result. For the CLI and
// tests, which have nothing else to do meanwhile; never call it on the GUI thread.
// (QCoro::waitFor needs a default-constructible result, which Result<T> is not.)
template <typename T> T awaitTask(QCoro::Task<T>&& task)
{
    std::optional<T> result;
    QEventLoop loop;
    const auto collect
        = [](QCoro::Task<T> owned, std::optional<T>& out, QEventLoop& done) -> QCoro::Task<> {
        out.emplace(co_await owned);
        done.quit();
    };
    QCoro::Task<> running = collect(std::move(task), result, loop);
    if (!result)
        loop.exec();
    return std::move(*result);
}

// Hands the task's result to `handler` where the task resumes, unless `receiver` is gone by
// then: a widget closed while its call runs is not touched. For widgets, whose slots are no
// coroutines. The handler gets the result as a const reference.
template <typename T, typename Handler>
void whenFinished(QObject* receiver, QCoro::Task<T>&& task, Handler handler)
{
    const auto deliver
        = [](QPointer<QObject> guard, QCoro::Task<T> owned, Handler then) -> QCoro::Task<> {
        const T result = co_await owned;
        if (guard)
            then(result);
    };
    // Left to run on its own: QCoro frees the coroutine when it has finished.
    (void)deliver(receiver, std::move(task), std::move(handler));
}
