import '../styles.css';
import './sensitivity-lab';
