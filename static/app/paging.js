// @ts-check
// The projector: which phase the slide is in (the join details are large
// while the room arrives), and paging long results with the keys.

// Every label is whole, and the server pages long lists to fit the
// narrowest screen; should a page still spill (a very long word, an odd
// screen), its text steps down in size, never below 24 px.
const FITS = ['1', '0.93', '0.86', '0.8'];

/** The projector's slide and the page of it shown. */
export class Projector {
  /**
   * @param {HTMLElement} live
   * @param {(activity: string, page: number) => void} turned tells the
   *   server a page the projector's own keys turned, so the console says it
   */
  constructor(live, turned) {
    this.live = live;
    this.turned = turned;
    this.page = 1;
    /** @type {string | null} */
    this.pagedFor = null;
    /** @type {number | null} */
    this.consolePage = null;
    /** @type {number[]} pages this projector's keys asked for, not yet seen back */
    this.asked = [];
  }

  /** Listens for the paging keys and the window's size. */
  listen() {
    window.addEventListener('resize', () => this.fitLabels());
    document.addEventListener('keydown', (event) => {
      const pages = this.pages();
      if (!pages) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown' || event.key === ' ') this.showPage(pages, this.page + 1);
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') this.showPage(pages, this.page - 1);
      else return;
      event.preventDefault();
      // The server keeps the page shown, so the console's count is true
      // and the next view comes back on the same page.
      const screen = /** @type {HTMLElement | null} */ (this.live.querySelector('.screen'));
      const activity = screen ? screen.dataset.activity : undefined;
      if (activity && this.page !== this.consolePage) {
        this.consolePage = this.page;
        this.asked.push(this.page);
        this.turned(activity, this.page);
      }
    });
  }

  /** @returns {HTMLElement | null} */
  pages() {
    return this.live.querySelector('.pages');
  }

  /** After each view: the phase, and the page to show. */
  shown() {
    const screen = /** @type {HTMLElement | null} */ (this.live.querySelector('.screen'));
    if (screen && screen.dataset.phase) document.body.dataset.phase = screen.dataset.phase;
    // A new activity, or its results revealed or hidden, starts at the page
    // the server says (1); a new view of the same keeps its page, unless the
    // console turned it (the page the server says changed).
    const step = this.live.querySelector('#screen-step');
    const key = step && screen ? (screen.dataset.activity || '') + '|' + screen.dataset.phase : null;
    const asked = screen && screen.dataset.page ? parseInt(screen.dataset.page, 10) : 1;
    const mine = this.asked.indexOf(asked);
    if (key !== this.pagedFor) {
      this.page = asked; this.pagedFor = key; this.consolePage = asked; this.asked = [];
    } else if (mine >= 0) {
      // This projector's own turn coming back (a quick clicker may be
      // pages ahead of it): the page shown stays.
      this.asked.splice(0, mine + 1);
      this.consolePage = asked;
    } else if (asked !== this.consolePage) {
      this.page = asked; this.consolePage = asked; this.asked = [];
    }
    const pages = this.pages();
    if (pages) this.showPage(pages, this.page);
    else this.fitLabels();
  }

  /**
   * @param {HTMLElement} pages
   * @param {number} n
   */
  showPage(pages, n) {
    const count = parseInt(pages.dataset.pages || '1', 10) || 1;
    this.page = Math.min(Math.max(n, 1), count);
    pages.querySelectorAll('.page').forEach((p) => {
      const el = /** @type {HTMLElement} */ (p);
      el.hidden = parseInt(el.dataset.page || '0', 10) !== this.page;
    });
    // A bilingual page count says the number in each language.
    pages.querySelectorAll('.page-now').forEach((now) => {
      now.textContent = String(this.page);
    });
    this.fitLabels();
  }

  fitLabels() {
    const slide = /** @type {HTMLElement | null} */ (this.live.querySelector('.slide'));
    if (!slide) return;
    FITS.some(function (fit) {
      slide.style.setProperty('--fit', fit);
      return !spills(slide);
    });
  }
}

/** @param {HTMLElement} slide */
function spills(slide) {
  const bottom = slide.getBoundingClientRect().bottom;
  return document.documentElement.scrollHeight > window.innerHeight + 1 ||
    Array.prototype.some.call(slide.querySelectorAll('li, p'), function (el) {
      return el.offsetParent !== null && el.getBoundingClientRect().bottom > bottom + 1;
    });
}
