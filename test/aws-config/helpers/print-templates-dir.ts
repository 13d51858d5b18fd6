// Bundled by templates.test.ts into a fake package's dist/ to prove the templates are found from there.
import { findTemplatesDir, loadDefaultNameTemplate } from '../../../src/aws-config/templates.js';

loadDefaultNameTemplate();
process.stdout.write(`${findTemplatesDir()}\n`);
