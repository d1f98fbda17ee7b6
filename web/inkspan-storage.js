// Browser storage for Inkspan: IndexedDB, one record per document plus one for the corpus
// (schema and document order). Every save is one IndexedDB transaction, so a tab killed halfway
// leaves the previous version whole. One tab at a time writes (Web Locks); another tab on the same
// origin is told and stays read-only until it takes over.
"use strict";
window.InkspanStorage = (function () {
  const DB_NAME = "inkspan", DB_VERSION = 1, LOCK_NAME = "inkspan-corpus-writer";
  let db = null;
  let writer = false;          // this tab holds the writer lock
  let releaseLock = null;      // resolves the lock request to hand the lock over
  const channel = "BroadcastChannel" in window ? new BroadcastChannel("inkspan") : null;
  const listeners = { status: () => {}, takeover: () => {} };

  function openDb() {
    return new Promise((resolve, reject) => {
      let req;
      try { req = indexedDB.open(DB_NAME, DB_VERSION); } catch (e) { reject(e); return; }
      req.onupgradeneeded = () => {
        const d = req.result;
        if (!d.objectStoreNames.contains("documents")) d.createObjectStore("documents");
        if (!d.objectStoreNames.contains("meta")) d.createObjectStore("meta");
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error("the database is blocked by another tab"));
    });
  }

  function readAll(d) {
    return new Promise((resolve, reject) => {
      const tx = d.transaction(["meta", "documents"], "readonly");
      const out = { meta: null, documents: new Map() };
      tx.objectStore("meta").get("corpus").onsuccess = (e) => { out.meta = e.target.result || null; };
      const cursorReq = tx.objectStore("documents").openCursor();
      cursorReq.onsuccess = (e) => {
        const c = e.target.result;
        if (c) { out.documents.set(c.key, c.value); c.continue(); }
      };
      tx.oncomplete = () => resolve(out);
      tx.onerror = () => reject(tx.error);
    });
  }

  // A document record's JSON: UTF-8 bytes (`utf8`), or a string in records written before.
  const decoder = new TextDecoder();
  const recordJson = (rec) => (rec.utf8 ? decoder.decode(rec.utf8) : rec.json);

  // The stored corpus as one inkspan JSON string, or null on a first visit.
  function assemble(stored) {
    if (!stored.meta) return null;
    const docs = [];
    for (const id of stored.meta.order) {
      const rec = stored.documents.get(id);
      if (rec) docs.push(recordJson(rec));
    }
    return '{"format":"inkspan","version":1,"schema":' + stored.meta.schema + ',"documents":[' + docs.join(",") + "]}";
  }

  function acquireWriterLock() {
    if (!navigator.locks) { writer = true; return Promise.resolve(true); }
    return new Promise((resolve) => {
      navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
        if (!lock) { resolve(false); return undefined; }
        writer = true;
        resolve(true);
        return new Promise((release) => { releaseLock = release; });  // held until handed over
      });
    });
  }

  if (channel) {
    channel.onmessage = (e) => {
      if (e.data && e.data.type === "takeover-request" && writer) {
        listeners.takeover();  // the app flushes, then calls handOver()
      }
    };
  }

  return {
    // Opens the database and reads the stored corpus. Resolves to {json, writer, error}.
    async open() {
      try {
        db = await openDb();
        const stored = await readAll(db);
        const gotLock = await acquireWriterLock();
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
        return { json: assemble(stored), writer: gotLock, error: null };
      } catch (e) {
        return { json: null, writer: false, error: String(e && e.message || e) };
      }
    },
    isWriter: () => writer,
    onStatus(fn) { listeners.status = fn; },
    onTakeoverRequest(fn) { listeners.takeover = fn; },

    // Writes changed documents, removes deleted ones, and replaces the corpus record, atomically.
    // docs: [[id, UTF-8 bytes of the JSON], ...]; removed: [id, ...]; meta: {schema: json, order: [ids]}.
    save(docs, removed, meta) {
      if (!db) return Promise.reject(new Error("storage is not available"));
      if (!writer) return Promise.reject(new Error("Inkspan is open in another tab; this tab is read-only"));
      return new Promise((resolve, reject) => {
        let tx;
        try {
          tx = db.transaction(["meta", "documents"], "readwrite");
          const store = tx.objectStore("documents");
          for (const [id, utf8] of docs) store.put({ utf8: utf8, saved: Date.now() }, id);
          for (const id of removed) store.delete(id);
          tx.objectStore("meta").put(meta, "corpus");
        } catch (e) { reject(e); return; }
        tx.oncomplete = () => {
          if (channel) channel.postMessage({ type: "saved" });
          resolve();
        };
        tx.onerror = () => reject(tx.error || new Error("the write failed"));
        tx.onabort = () => reject(tx.error || new Error("the write was aborted"));
      });
    },

    // Asks the tab that holds the corpus to let go; resolves when this tab is the writer.
    async takeOver() {
      if (writer) return true;
      if (channel) channel.postMessage({ type: "takeover-request" });
      if (!navigator.locks) return false;
      await new Promise((granted) => {
        navigator.locks.request(LOCK_NAME, () => {
          writer = true;
          granted();
          return new Promise((release) => { releaseLock = release; });
        }).catch(() => granted());
      });
      return writer;
    },
    // Gives the writer lock away (after a final save) and becomes read-only.
    handOver() {
      writer = false;
      if (releaseLock) { releaseLock(); releaseLock = null; }
    },
    async reload() {
      const stored = await readAll(db);
      return assemble(stored);
    },
    async estimate() {
      if (!navigator.storage || !navigator.storage.estimate) return null;
      try { return await navigator.storage.estimate(); } catch (e) { return null; }
    },
  };
})();
