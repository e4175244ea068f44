// While an order waits for Portal's webhook, ask the shop (not Portal) every second and a half whether it changed,
// and show the new state by loading the page again (a GET, even if this page came from a POST).
(() => {
    const order = document.querySelector("[data-status-url]");
    if (!order || order.dataset.paid === "true") {
        return;
    }
    const revision = Number(order.dataset.revision);
    // Once "Pay" is pressed the browser is on its way to Portal: reloading now would cancel that.
    let leaving = false;
    document.addEventListener("submit", event => {
        leaving = true;
        if (event.submitter) {
            event.submitter.disabled = true;
            event.submitter.textContent = "Opening Portal…";
        }
    });
    const poll = async () => {
        if (leaving) {
            return;
        }
        try {
            const response = await fetch(order.dataset.statusUrl, { cache: "no-store" });
            if (response.ok && (await response.json()).revision !== revision && !leaving) {
                location.replace(location.pathname);
                return;
            }
        } catch {
            // The shop restarting is no reason to stop waiting.
        }
        setTimeout(poll, 1500);
    };
    setTimeout(poll, 1500);
})();
