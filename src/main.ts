import './styles.css';
import './app/app-shell';
