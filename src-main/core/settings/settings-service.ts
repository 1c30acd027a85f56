import { invalidInput } from '../../../src-shared/contract';
import { settingsSchema, type Settings, type SettingsPatch } from '../../../src-shared/settings';
import { DeskFailure } from '../errors';
import type { EventBus } from '../event-bus';
import type { DocumentPort } from '../ports';

/** Settings: validated as a whole before anything is saved. */
export class SettingsService {
  private current: Settings | undefined;

  constructor(
    private readonly file: DocumentPort<Settings>,
    private readonly bus: EventBus,
  ) {}

  async load(): Promise<Settings> {
    this.current = await this.file.load();
    return this.current;
  }

  /** After an import replaced the settings file: read it again and tell every page. */
  async reload(): Promise<Settings> {
    const settings = await this.load();
    this.bus.emit('settings.changed', { settings });
    return settings;
  }

  get(): Settings {
    if (!this.current) throw new Error('settings read before load()');
    return this.current;
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const parsed = settingsSchema.safeParse({ ...this.get(), ...patch });
    if (!parsed.success) {
      const error = invalidInput('settings', parsed.error);
      throw new DeskFailure(error.code, error.message, error.issues);
    }
    await this.file.save(parsed.data);
    this.current = parsed.data;
    this.bus.emit('settings.changed', { settings: parsed.data });
    return parsed.data;
  }
}
